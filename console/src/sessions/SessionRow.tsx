import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { liveStatus } from '../state/consoleState';
import { Icon } from '../ui/Icon';
import { LiveStatusBadge } from './LiveStatusBadge';
import { deviceName } from './deviceText';

interface Props {
  session: Session;
  unread: number;
  selected: boolean;
  onOpen: (id: string) => void;
}

/** One session in the list; a click opens its Chat window. */
export function SessionRow({ session, unread, selected, onOpen }: Props) {
  const { t, time, dateTime } = useI18n();
  const name = session.customerName || t('sessions.customer');
  const phone = deviceName(session.device, t);
  const startedToday = new Date(session.startedAt).toDateString() === new Date().toDateString();
  return (
    <li>
      <button
        type="button"
        class={`session-row${selected ? ' session-row--selected' : ''}`}
        data-testid="session-row"
        data-session={session.id}
        data-status={liveStatus(session)}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onOpen(session.id)}
      >
        <span class="session-row__avatar" aria-hidden="true">
          {name.trim().charAt(0).toLocaleUpperCase() || '?'}
        </span>
        <span class="session-row__main">
          <span class="session-row__name" data-testid="session-customer">
            {name}
          </span>
          <span class="session-row__meta">
            {session.identifier && <span data-testid="session-identifier">{session.identifier}</span>}
            {phone && (
              <span class="session-row__phone" data-testid="session-phone">
                <Icon name="phone" size={14} />
                {phone}
              </span>
            )}
          </span>
        </span>
        <span class="session-row__side">
          <LiveStatusBadge status={liveStatus(session)} />
          <span class="session-row__time" title={dateTime(session.startedAt)}>
            {t('sessions.startedAt', { time: startedToday ? time(session.startedAt) : dateTime(session.startedAt) })}
          </span>
        </span>
        {unread > 0 && (
          <span class="unread" data-testid="unread" aria-label={t('sessions.unread', { count: unread })}>
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
    </li>
  );
}
