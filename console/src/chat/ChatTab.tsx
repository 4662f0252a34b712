import type { Session } from '../api/types';
import { keysText } from '../shell/shortcuts';
import { useI18n } from '../i18n/I18nProvider';
import { liveStatus } from '../state/consoleState';
import { Icon } from '../ui/Icon';

interface Props {
  id: string;
  /** Its place among the open chats: Alt+Shift+1…9 shows it. */
  index: number;
  session: Session | undefined;
  active: boolean;
  unread: number;
  onSelect: (id: string) => void;
  onClose: (id: string) => void;
}

/** One tab of the open Chat windows. */
export function ChatTab({ id, index, session, active, unread, onSelect, onClose }: Props) {
  const { t } = useI18n();
  const name = session?.customerName || t('sessions.customer');
  const status = session ? liveStatus(session) : 'reconnecting';
  return (
    <div class={`chat-tab${active ? ' chat-tab--active' : ''}`} role="presentation">
      <button
        type="button"
        role="tab"
        class="chat-tab__select"
        aria-selected={active}
        data-testid="chat-tab"
        data-session={id}
        title={index < 9 ? `${name} (${keysText(`Alt+Shift+${index + 1}`, t)})` : name}
        onClick={() => onSelect(id)}
      >
        <span class={`dot dot--${status}`} aria-hidden="true" />
        <span class="chat-tab__name">{name}</span>
        {unread > 0 && (
          <span class="unread unread--small" aria-label={t('sessions.unread', { count: unread })}>
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <button
        type="button"
        class="chat-tab__close"
        data-testid="close-tab"
        aria-label={`${t('chat.closeWindow')}: ${name}`}
        title={t('chat.closeWindow')}
        onClick={() => onClose(id)}
      >
        <Icon name="close" size={14} />
      </button>
    </div>
  );
}
