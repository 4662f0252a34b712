import { useI18n } from '../i18n/I18nProvider';
import { keysText } from './shortcuts';
import { useRequests } from '../requests/RequestsProvider';
import { useConsole } from '../state/ConsoleProvider';
import { unreadTotal } from '../state/consoleState';
import { Icon, type IconName } from '../ui/Icon';

/**
 * The side column folded away: a narrow rail that still says what waits (requests, unread messages)
 * and opens the column at the panel asked for.
 */
export function SideRail({ onExpand }: { onExpand: () => void }) {
  const { t } = useI18n();
  const { state } = useConsole();
  const { waiting } = useRequests();
  const waitingCodes = state.codes.filter((c) => c.status === 'waiting').length;
  const active = Object.values(state.sessions).filter((s) => s.status === 'active').length;
  const unread = unreadTotal(state);

  const open = (panel: string) => {
    onExpand();
    // After the column is drawn again.
    setTimeout(() => document.getElementById(panel)?.scrollIntoView({ block: 'start' }), 0);
  };

  const item = (panel: string, icon: IconName, label: string, count: number, urgent = false) => (
    <button
      type="button"
      class="rail__item"
      data-testid={`rail-${panel}`}
      title={label}
      aria-label={count > 0 ? `${label} (${count})` : label}
      onClick={() => open(panel)}
    >
      <Icon name={icon} size={20} />
      {count > 0 && <span class={`rail__count${urgent ? ' rail__count--urgent' : ''}`}>{count > 99 ? '99+' : count}</span>}
    </button>
  );

  return (
    <nav class="rail" aria-label={t('layout.side')} data-testid="side-rail">
      <button
        type="button"
        class="rail__item rail__expand"
        data-testid="expand-side"
        aria-expanded="false"
        title={`${t('layout.expand')} (${keysText('Alt+Shift+B', t)})`}
        aria-label={t('layout.expand')}
        onClick={onExpand}
      >
        <Icon name="sidebar" size={20} />
      </button>
      {item('requests', 'requests', t('requests.title'), waiting.length, waiting.length > 0)}
      {item('codes', 'codes', t('codes.title'), waitingCodes)}
      {item('sessions', 'chat', t('sessions.title'), unread > 0 ? unread : active, unread > 0)}
      {item('outbox', 'outbox', t('outbox.title'), 0)}
    </nav>
  );
}
