import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/Icon';
import { useNow } from '../ui/useNow';
import { formatElapsed } from './elapsed';

/** The session's running time, ticking while it is active. */
export function SessionTimer({ session }: { session: Session }) {
  const { t } = useI18n();
  const running = session.status === 'active';
  const now = useNow(1000, running);
  const end = running ? now : Date.parse(session.endedAt ?? '') || now;
  const elapsed = formatElapsed(end - Date.parse(session.startedAt));
  return (
    <span class="session-timer" data-testid="session-timer" title={t('chat.duration')}>
      <Icon name="clock" size={13} />
      <span class="visually-hidden">{t('chat.duration')}: </span>
      <time>{elapsed}</time>
    </span>
  );
}
