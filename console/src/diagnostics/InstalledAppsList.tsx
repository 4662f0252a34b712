import { useMemo, useState } from 'preact/hooks';
import { reasonText } from '../i18n/deviceReasons';
import type { DiagnosticsReport } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { appsOf, filterApps } from './installedApps';
import { read } from './reading';

/** The installed apps, folded away by default (up to 500 entries), with a filter. */
export function InstalledAppsList({ report }: { report: DiagnosticsReport }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const apps = useMemo(() => appsOf(report), [report]);
  const shown = useMemo(() => ('unavailable' in apps ? [] : filterApps(apps.apps, filter)), [apps, filter]);

  if ('unavailable' in apps) {
    return (
      <section class="diag-section" data-section-id="installedApps" data-testid="diagnostics-apps">
        <h3 class="diag-section__title">{t('diag.apps.title')}</h3>
        <p class="diag-unavailable">{t('diag.unavailableBecause', { reason: reasonText(t, apps.unavailable) })}</p>
      </section>
    );
  }

  return (
    <details class="diag-section diag-apps" data-section-id="installedApps" data-testid="diagnostics-apps">
      <summary class="diag-section__title">
        {t('diag.apps.title')}{' '}
        <span class="diag-apps__count" data-testid="diagnostics-apps-count" data-total={apps.totalCount} data-truncated={String(apps.truncated)}>
          ({t('diag.apps.count', { shown: apps.apps.length, total: apps.totalCount })})
        </span>
      </summary>
      {apps.truncated && (
        <p class="hint" data-testid="diagnostics-apps-truncated">
          {t('diag.apps.truncated', { shown: apps.apps.length, total: apps.totalCount })}
        </p>
      )}
      <label class="field diag-apps__filter">
        <span class="field__label">{t('diag.apps.filter')}</span>
        <input
          type="search"
          name="app-filter"
          data-testid="diagnostics-apps-filter"
          value={filter}
          onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      {shown.length === 0 ? (
        <p class="empty">{t('diag.apps.noMatch', { filter })}</p>
      ) : (
        <table class="diag-table diag-apps__table">
          <thead>
            <tr>
              <th scope="col">{t('diag.apps.name')}</th>
              <th scope="col">{t('diag.apps.package')}</th>
              <th scope="col">{t('diag.apps.version')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((app, index) => {
              const version = read(app.version);
              return (
                <tr key={`${app.package}:${index}`} data-testid="diagnostics-app">
                  <td>{app.name}</td>
                  <td class="diag-apps__package">{app.package}</td>
                  {version.ok ? (
                    <td>{version.value}</td>
                  ) : (
                    <td class="diag-unavailable" title={reasonText(t, version.reason)}>
                      {t('diag.unavailable')}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}
