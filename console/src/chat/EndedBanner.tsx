import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';

const BY: Record<string, MessageKey> = {
  technician: 'chat.endedBy.technician',
  customer: 'chat.endedBy.customer',
  server: 'chat.endedBy.server',
};

/**
 * Shown once the session is over, whoever ended it: "You ended it." to the technician who did,
 * "Marta ended it." to anyone else (an administrator's console), else the side that did.
 */
export function EndedBanner({ session, me }: { session: Session; me: string | null }) {
  const { t, time } = useI18n();
  const by = session.endedBy ? BY[session.endedBy] : undefined;
  const who =
    session.endedBy === 'technician' && session.endedByName
      ? session.endedByName === me
        ? t('chat.endedBy.you')
        : t('chat.endedBy.name', { name: session.endedByName })
      : by && t(by);
  return (
    <div class="banner banner--ended" role="status" data-testid="session-ended" data-ended-by={session.endedBy ?? ''}>
      <strong>{t('chat.ended')}</strong>
      {who && <span data-testid="ended-by"> {who}</span>}
      {session.endedAt && <span> {t('chat.endedAt', { time: time(session.endedAt) })}</span>}
    </div>
  );
}
