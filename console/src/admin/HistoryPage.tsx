import { useEffect, useMemo, useState } from 'preact/hooks';
import { groupCode } from '../codes/codeFormat';
import { useI18n } from '../i18n/I18nProvider';
import { deviceName } from '../sessions/deviceText';
import { Icon } from '../ui/Icon';
import { adminApi } from './adminApi';
import { durationOf, formatDuration, technicianName } from './format';
import { Field, LoadState, onText, PageHeader } from './parts';
import { emptyHistoryFilters, filtersFrom, HISTORY_LIMIT, historyQuery, rangeInverted, type HistoryFilters } from './query';
import { adminHref } from './route';
import { navigate } from './useRoute';
import { useLoad } from './useLoad';

/** Every session, newest first, filtered by technician, portal, dates and status; CSV export. */
export function HistoryPage({ query }: { query: URLSearchParams }) {
  const { t, dateTime } = useI18n();
  const applied = useMemo(() => filtersFrom(emptyHistoryFilters, query), [query.toString()]);
  const [draft, setDraft] = useState<HistoryFilters>(applied);
  const [rangeError, setRangeError] = useState(false);
  useEffect(() => setDraft(applied), [applied]);

  const key = historyQuery(applied);
  const [sessions, reload] = useLoad(() => adminApi.history(applied, HISTORY_LIMIT), key);
  const [users] = useLoad(() => adminApi.users(), 'users');
  const [portals] = useLoad(() => adminApi.portals(), 'portals');
  const set = <K extends keyof HistoryFilters>(k: K) => (value: HistoryFilters[K]) => setDraft((d) => ({ ...d, [k]: value }));

  const apply = (event: Event) => {
    event.preventDefault();
    if (rangeInverted(draft.from, draft.to)) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    navigate(adminHref('history', { ...draft }));
  };
  const clear = () => {
    setRangeError(false);
    navigate(adminHref('history'));
  };

  const list = sessions.data ?? [];
  return (
    <section class="mc-page" data-testid="mc-history">
      <PageHeader title={t('admin.history.title')} intro={t('admin.history.intro')}>
        <a class="btn btn--secondary" href={adminApi.historyCsvUrl(applied)} download data-testid="history-csv">
          <Icon name="download" size={16} />
          {t('admin.history.csv')}
        </a>
      </PageHeader>

      <form class="card mc-filters" onSubmit={apply} aria-label={t('admin.filters')} data-testid="history-filters">
        <Field label={t('admin.history.technician')}>
          {(p) => (
            <select {...p} name="technician" value={draft.technician} onChange={(e) => set('technician')((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('admin.any')}</option>
              {(users.data ?? []).map((u) => (
                <option key={u.username} value={u.username}>
                  {u.displayName && u.displayName !== u.username ? `${u.displayName} (${u.username})` : u.username}
                </option>
              ))}
              {draft.technician && !(users.data ?? []).some((u) => u.username === draft.technician) && (
                <option value={draft.technician}>{draft.technician}</option>
              )}
            </select>
          )}
        </Field>
        <Field label={t('admin.history.portal')}>
          {(p) => (
            <select {...p} name="portal" value={draft.portal} onChange={(e) => set('portal')((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('admin.any')}</option>
              {(portals.data ?? []).map((portal) => (
                <option key={portal.slug} value={portal.slug}>
                  {portal.name}
                </option>
              ))}
              {draft.portal && !(portals.data ?? []).some((p2) => p2.slug === draft.portal) && <option value={draft.portal}>{draft.portal}</option>}
            </select>
          )}
        </Field>
        <Field label={t('admin.from')} error={rangeError ? 'admin.v.range' : undefined}>
          {(p) => <input {...p} name="from" type="date" value={draft.from} onInput={onText(set('from'))} />}
        </Field>
        <Field label={t('admin.to')}>
          {(p) => <input {...p} name="to" type="date" value={draft.to} onInput={onText(set('to'))} />}
        </Field>
        <Field label={t('admin.history.status')}>
          {(p) => (
            <select {...p} name="status" value={draft.status} onChange={(e) => set('status')((e.currentTarget as HTMLSelectElement).value as HistoryFilters['status'])}>
              <option value="">{t('admin.any')}</option>
              <option value="active">{t('sessions.active')}</option>
              <option value="ended">{t('sessions.ended')}</option>
            </select>
          )}
        </Field>
        <div class="mc-filters__buttons">
          <button type="submit" class="btn btn--primary" data-testid="apply-filters">
            {t('admin.apply')}
          </button>
          <button type="button" class="btn btn--ghost" onClick={clear}>
            {t('admin.clear')}
          </button>
        </div>
      </form>

      <div class="card" aria-busy={sessions.status === 'loading'}>
        {list.length > 0 ? (
          <div class="mc-table-wrap">
            <table class="mc-table" data-testid="history-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.history.started')}</th>
                  <th scope="col">{t('admin.history.customer')}</th>
                  <th scope="col">{t('admin.history.technician')}</th>
                  <th scope="col">{t('admin.history.portal')}</th>
                  <th scope="col">{t('admin.history.device')}</th>
                  <th scope="col" class="mc-num">
                    {t('admin.history.duration')}
                  </th>
                  <th scope="col">{t('admin.history.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id} data-testid="history-row" data-session={s.id}>
                    <td>
                      <a href={adminHref('history', undefined, s.id)} data-testid="history-open">
                        {dateTime(s.startedAt)}
                      </a>
                    </td>
                    <td>
                      <span class="mc-cell-main">{s.customerName || t('sessions.customer')}</span>
                      <span class="mc-cell-sub">
                        {[s.identifier, groupCode(s.code), s.origin === 'request' ? t('admin.history.fromRequest') : '']
                          .filter(Boolean)
                          .join(' · ')}
                      </span>
                    </td>
                    <td>{technicianName(s.technician)}</td>
                    <td class="mc-mono">{s.portal}</td>
                    <td>{deviceName(s.device, t) || '–'}</td>
                    <td class="mc-num">{formatDuration(durationOf(s))}</td>
                    <td>
                      <span class={`badge ${s.status === 'active' ? 'badge--success' : 'badge--neutral'}`}>
                        {s.status === 'active' ? t('sessions.active') : t('sessions.ended')}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.length >= HISTORY_LIMIT && <p class="hint mc-table-note">{t('admin.history.limited', { count: HISTORY_LIMIT })}</p>}
          </div>
        ) : (
          <LoadState
            loading={sessions.status === 'loading'}
            error={sessions.status === 'error' ? sessions.error : undefined}
            empty={t('admin.history.empty')}
            onRetry={reload}
          />
        )}
      </div>
    </section>
  );
}
