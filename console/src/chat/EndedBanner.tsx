import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';

const BY: Record<string, MessageKey> = {
  technician: 'chat.endedBy.technician',
  customer: 'chat.endedBy.customer',
  server: 'chat.endedBy.server',
};

/** Shown once the session is over, whoever ended it. */
export function EndedBanner({ session }: { session: Session }) {
  const { t, time } = useI18n();
  const by = session.endedBy ? BY[session.endedBy] : undefined;
  return (
    <div class="banner banner--ended" role="status" data-testid="session-ended" data-ended-by={session.endedBy ?? ''}>
      <strong>{t('chat.ended')}</strong>
      {by && <span> {t(by)}</span>}
      {session.endedAt && <span> {t('chat.endedAt', { time: time(session.endedAt) })}</span>}
    </div>
  );
}
