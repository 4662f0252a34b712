import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { repliesApi } from './repliesApi';
import { RepliesEditor, type ReplyBook } from './RepliesEditor';

/** A portal's shared canned replies, kept by administrators in the Management Center's Portals. */
export function PortalRepliesDialog({ slug, name, onClose }: { slug: string; name: string; onClose: () => void }) {
  const { t } = useI18n();
  const book = useMemo<ReplyBook>(
    () => ({
      list: () => repliesApi.ofPortal(slug),
      add: (draft) => repliesApi.addShared(slug, draft),
      change: (id, draft) => repliesApi.changeShared(slug, id, draft),
      remove: (id) => repliesApi.removeShared(slug, id),
    }),
    [slug],
  );
  return (
    <Dialog title={t('replies.portalTitle', { name })} onClose={onClose} testId="portal-replies-dialog">
      <p class="hint">{t('replies.portalIntro')}</p>
      <RepliesEditor book={book} testId="portal-replies" />
    </Dialog>
  );
}
