import { ViewSwitch } from '../admin/ManagementCenter';
import type { Route } from '../admin/route';
import type { User } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useConsole } from '../state/ConsoleProvider';
import { RequestsBadge } from '../requests/RequestsBadge';
import { Brand } from '../ui/Brand';
import { Icon } from '../ui/Icon';
import { ConnectionIndicator } from './ConnectionIndicator';

/** Product name, live indicator, the signed-in technician, language and sign-out. */
export function Header({ user, onSignOut, route }: { user: User; onSignOut: () => void; route?: Route }) {
  const { t } = useI18n();
  const { state } = useConsole();
  const name = user.displayName || user.username;
  return (
    <header class="topbar">
      <Brand subtitle={t('app.tagline')} />
      {route && <ViewSwitch route={route} />}
      <div class="topbar__right">
        <ConnectionIndicator state={state.connection} />
        <RequestsBadge />
        <a class="topbar__user" href="#/account" title={t('account.title')} data-testid="user">
          <span class="topbar__avatar" aria-hidden="true">
            {name.charAt(0).toLocaleUpperCase()}
          </span>
          <span class="topbar__user-text">
            <span class="topbar__user-name">{name}</span>
            <span class="topbar__user-role">{user.role === 'admin' ? t('auth.role.admin') : t('auth.role.technician')}</span>
          </span>
        </a>
        <LanguageSwitch tone="dark" />
        <button
          type="button"
          class="btn btn--small btn--on-dark"
          data-testid="sign-out"
          title={t('auth.signOut')}
          onClick={onSignOut}
        >
          <Icon name="exit" size={16} />
          <span class="topbar__label">{t('auth.signOut')}</span>
        </button>
      </div>
    </header>
  );
}
