import { useRef } from 'preact/hooks';
import type { User } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/translate';
import { PageBoundary } from '../ui/PageBoundary';
import { AuditPage } from './AuditPage';
import { SurveysPage } from './SurveysPage';
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
  surveys: 'admin.nav.surveys',
  audit: 'admin.nav.audit',
};

/** The browser title of a Management Center page: "Audit log · Management Center". */
export function adminTitle(route: Extract<Route, { view: 'admin' }>, t: Translate): string {
  return `${route.session ? t('admin.session.title') : t(LABELS[route.section])} · ${t('admin.title')}`;
}

/** The administrators' Management Center: a section list on the left, the section on the right. */
export function ManagementCenter({ route, user }: { route: Extract<Route, { view: 'admin' }>; user: User }) {
  const { t } = useI18n();
  const main = useRef<HTMLElement>(null);

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
        {/* Keyed by the page, so that moving to another page clears a failure of the last one. */}
        <PageBoundary key={`${route.section}/${route.session ?? ''}`}>
          {route.section === 'technicians' && <TechniciansPage me={user} />}
          {route.section === 'portals' && <PortalsPage />}
          {route.section === 'settings' && <SettingsPage />}
          {route.section === 'history' && (route.session ? <SessionHistoryPage id={route.session} /> : <HistoryPage query={route.query} />)}
          {route.section === 'surveys' && <SurveysPage query={route.query} />}
          {route.section === 'audit' && <AuditPage query={route.query} />}
        </PageBoundary>
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
