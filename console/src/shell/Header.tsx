import { ViewSwitch } from '../admin/ManagementCenter';
import type { Route } from '../admin/route';
import type { User } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { LANGS, translate } from '../i18n/translate';
import { useConsole } from '../state/ConsoleProvider';
import { RequestsBadge } from '../requests/RequestsBadge';
import { Brand } from '../ui/Brand';
import { Icon } from '../ui/Icon';
import { ConnectionIndicator } from './ConnectionIndicator';
import { AvailabilityPicker } from '../team/AvailabilityPicker';

interface Props {
  user: User;
  onSignOut: () => void;
  route?: Route;
  onShortcuts: () => void;
}

/** Product name, live indicator, the signed-in technician, keyboard shortcuts, language and sign-out. */
export function Header({ user, onSignOut, route, onShortcuts }: Props) {
  const { t } = useI18n();
  const { state } = useConsole();
  const name = user.displayName || user.username;
  const role = user.role === 'admin' ? t('auth.role.admin') : t('auth.role.technician');
  // "Administrator / Administrator" says nothing twice: the user name tells who, when the name is the role.
  const roleWords = LANGS.flatMap((lang) => [translate(lang, 'auth.role.admin'), translate(lang, 'auth.role.technician')]);
  const second = roleWords.some((word) => word.toLocaleLowerCase() === name.toLocaleLowerCase()) ? user.username : role;
  return (
    <header class="topbar">
      <Brand subtitle={t('app.tagline')} />
      {route && <ViewSwitch route={route} />}
      <div class="topbar__right">
        <ConnectionIndicator state={state.connection} />
        <RequestsBadge />
        <AvailabilityPicker username={user.username} />
        <a class="topbar__user" href="#/account" title={t('account.title')} data-testid="user">
          <span class="topbar__avatar" aria-hidden="true">
            {name.charAt(0).toLocaleUpperCase()}
          </span>
          <span class="topbar__user-text">
            <span class="topbar__user-name">{name}</span>
            <span class="topbar__user-role" data-testid="user-role">
              {second}
            </span>
          </span>
        </a>
        <button
          type="button"
          class="btn btn--small btn--on-dark topbar__icon-button"
          data-testid="open-shortcuts"
          title={`${t('keys.open')} (?)`}
          aria-label={t('keys.open')}
          onClick={onShortcuts}
        >
          <Icon name="keyboard" size={18} />
        </button>
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
