import { useI18n } from '../i18n/I18nProvider';
import { repliesApi } from './repliesApi';
import { RepliesEditor, type ReplyBook } from './RepliesEditor';

/** The technician's own canned replies: only they see them and insert them with `/shortcut`. */
const personal: ReplyBook = {
  list: () => repliesApi.usable().then((all) => all.filter((r) => r.scope === 'personal')),
  add: repliesApi.addPersonal,
  change: repliesApi.changePersonal,
  remove: repliesApi.removePersonal,
};

/** "Canned replies" on My account (#/account). */
export function MyRepliesCard() {
  const { t } = useI18n();
  return (
    <section class="card mc-card" aria-labelledby="account-replies" data-testid="replies-card">
      <header class="card__header">
        <h2 class="card__title" id="account-replies">
          {t('replies.mineTitle')}
        </h2>
      </header>
      <div class="card__body">
        <p class="hint">{t('replies.mineIntro')}</p>
        <RepliesEditor book={personal} testId="my-replies" />
      </div>
    </section>
  );
}
