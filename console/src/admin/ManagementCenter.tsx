import { useEffect, useRef } from 'preact/hooks';
import type { User } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { AuditPage } from './AuditPage';
import { HistoryPage } from './HistoryPage';
import { PortalsPage } from './PortalsPage';
import { adminHref, SECTIONS, type Route, type Section } from './route';
import { SessionHistoryPage } from './SessionHistoryPage';
import { SettingsPage } from './SettingsPage';
import { TechniciansPage } from './TechniciansPage';

const LABELS: Record<Section, MessageKey> = {
  technicians: 'admin.nav.technicians',
  portals: 'admin.nav.portals',
  settings: 'admin.nav.settings',
  history: 'admin.nav.history',
  audit: 'admin.nav.audit',
};

/** The administrators' Management Center: a section list on the left, the section on the right. */
export function ManagementCenter({ route, user }: { route: Extract<Route, { view: 'admin' }>; user: User }) {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);
  const title = route.session ? t('admin.session.title') : t(LABELS[route.section]);

  useEffect(() => {
    document.title = `${title} · ${t('admin.title')} · Tandem`;
    return () => {
      document.title = 'Tandem';
    };
  }, [title]);

  return (
    <div class="mc" data-testid="management-center">
      <nav class="mc-nav" aria-label={t('admin.title')}>
        <p class="mc-nav__title">{t('admin.title')}</p>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <a
                href={adminHref(section)}
                class={`mc-nav__link${route.section === section ? ' mc-nav__link--active' : ''}`}
                aria-current={route.section === section ? 'page' : undefined}
                data-testid={`mc-nav-${section}`}
              >
                {t(LABELS[section])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="mc-main" ref={main}>
        {route.section === 'technicians' && <TechniciansPage me={user} />}
        {route.section === 'portals' && <PortalsPage />}
        {route.section === 'settings' && <SettingsPage />}
        {route.section === 'history' && (route.session ? <SessionHistoryPage id={route.session} /> : <HistoryPage query={route.query} />)}
        {route.section === 'audit' && <AuditPage query={route.query} />}
      </main>
    </div>
  );
}

/** The header's switch between the Console and the Management Center (administrators only). */
export function ViewSwitch({ route }: { route: Route }) {
  const { t } = useI18n();
  return (
    <nav class="view-switch" aria-label={t('admin.switchLabel')}>
      <a href="#/" class={`view-switch__item${route.view === 'console' ? ' view-switch__item--active' : ''}`} aria-current={route.view === 'console' ? 'page' : undefined} data-testid="view-console">
        {t('admin.console')}
      </a>
      <a
        href={adminHref('technicians')}
        class={`view-switch__item${route.view === 'admin' ? ' view-switch__item--active' : ''}`}
        aria-current={route.view === 'admin' ? 'page' : undefined}
        data-testid="view-admin"
      >
        {t('admin.title')}
      </a>
    </nav>
  );
}
