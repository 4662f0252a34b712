import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/Icon';
import { useRequests } from './RequestsProvider';

/** In the header: how many customers wait for a chat; a click goes to the Requests panel. */
export function RequestsBadge() {
  const { t } = useI18n();
  const { waiting, arrived, dispatch } = useRequests();
  const count = waiting.length;
  return (
    <a
      href="#requests"
      class={`requests-badge${count > 0 ? ' requests-badge--waiting' : ''}${arrived > 0 ? ' requests-badge--new' : ''}`}
      data-testid="requests-badge"
      data-count={count}
      title={t('requests.badgeTitle', { count })}
      aria-label={t('requests.badgeTitle', { count })}
      onClick={() => {
        dispatch({ type: 'seen' });
        document.getElementById('requests')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }}
    >
      <Icon name="chat" size={16} />
      <span class="requests-badge__count" data-testid="requests-count">
        {count}
      </span>
    </a>
  );
}
