import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { wordPhrase } from '../i18n/phrase';
import { actorText } from './format';
import { adminApi } from './adminApi';
import { Field, LoadState, onText, PageHeader, useErrorText } from './parts';
import {
  appendAuditPage,
  AUDIT_PAGE,
  auditQuery,
  emptyAuditFilters,
  filtersFrom,
  nextAfter,
  rangeInverted,
  type AuditFilters,
  type AuditTable,
} from './query';
import { adminHref } from './route';
import { navigate } from './useRoute';

/** The action families of the audit log, offered as suggestions (the server matches a dotted prefix). */
// The server's action names (AuditAction): administrators' changes are all under `admin.`.
const ACTION_PREFIXES = ['auth', 'code', 'session', 'permission', 'control', 'screen', 'diagnostics', 'logs', 'email', 'admin', 'request', 'reply', 'note', 'survey', 'system'];

/** The append-only audit log: filters, oldest first, "Load more" pages on with `after`. */
export function AuditPage({ query }: { query: URLSearchParams }) {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const applied = useMemo(() => filtersFrom(emptyAuditFilters, query), [query.toString()]);
  const key = auditQuery(applied);
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [rangeError, setRangeError] = useState(false);
  const [table, setTable] = useState<AuditTable | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);

  const load = (current: AuditTable | null) => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    adminApi.audit(applied, nextAfter(current), AUDIT_PAGE).then(
      (page) => {
        if (mine !== generation.current) return;
        setTable(appendAuditPage(current, page, AUDIT_PAGE));
        setLoading(false);
      },
      (e) => {
        if (mine !== generation.current) return;
        setError(e);
        setLoading(false);
      },
    );
  };

  useEffect(() => {
    setDraft(applied);
    setTable(null);
    load(null);
  }, [key]);

  const set = <K extends keyof AuditFilters>(k: K) => (value: string) => setDraft((d) => ({ ...d, [k]: value }));
  const apply = (event: Event) => {
    event.preventDefault();
    if (rangeInverted(draft.from, draft.to)) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    const hash = adminHref('audit', { ...draft });
    if (window.location.hash === hash) load(null);
    else navigate(hash);
  };

  const entries = table?.entries ?? [];
  return (
    <section class="mc-page" data-testid="mc-audit">
      <PageHeader title={t('admin.audit.title')} intro={t('admin.audit.intro')} />

      <form class="card mc-filters" onSubmit={apply} aria-label={t('admin.filters')} data-testid="audit-filters">
        <Field label={t('admin.audit.actor')}>
          {(p) => <input {...p} name="actor" type="text" spellcheck={false} value={draft.actor} onInput={onText(set('actor'))} />}
        </Field>
        <Field label={t('admin.audit.action')}>
          {(p) => (
            <>
              <input {...p} name="action" type="text" list="audit-actions" spellcheck={false}
                placeholder={t('admin.audit.actionPlaceholder')} title={t('admin.audit.actionHint')} value={draft.action} onInput={onText(set('action'))} />
              <datalist id="audit-actions">
                {ACTION_PREFIXES.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('admin.audit.session')}>
          {(p) => <input {...p} name="session" type="text" spellcheck={false} value={draft.session} onInput={onText(set('session'))} />}
        </Field>
        <Field label={t('admin.from')} error={rangeError ? 'admin.v.range' : undefined}>
          {(p) => <input {...p} name="from" type="date" value={draft.from} onInput={onText(set('from'))} />}
        </Field>
        <Field label={t('admin.to')}>
          {(p) => <input {...p} name="to" type="date" value={draft.to} onInput={onText(set('to'))} />}
        </Field>
        <div class="mc-filters__buttons">
          <button type="submit" class="btn btn--primary" data-testid="apply-filters">
            {t('admin.apply')}
          </button>
          <button type="button" class="btn btn--ghost" onClick={() => navigate(adminHref('audit'))}>
            {t('admin.clear')}
          </button>
        </div>
      </form>

      <div class="card" aria-busy={loading}>
        {entries.length > 0 && (
          <div class="mc-table-wrap">
            <table class="mc-table mc-table--dense" data-testid="audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.audit.at')}</th>
                  <th scope="col">{t('admin.audit.actor')}</th>
                  <th scope="col">{t('admin.audit.action')}</th>
                  <th scope="col">{t('admin.audit.session')}</th>
                  <th scope="col">{t('admin.audit.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                    <td class="mc-nowrap">
                      <time dateTime={entry.at}>{dateTime(entry.at)}</time>
                    </td>
                    <td class="mc-mono" title={entry.actor}>
                      {actorText(entry.actor, t)}
                    </td>
                    <td>
                      <code class="mc-action">{entry.action}</code>
                    </td>
                    <td class="mc-mono">
                      {entry.session ? <a href={adminHref('history', undefined, entry.session)}>{entry.session}</a> : '–'}
                    </td>
                    <td class="mc-detail">{wordPhrase(t, { key: entry.detailKey, params: entry.detailParams }, entry.detail || '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {entries.length > 0 && error ? (
          <p class="form-error mc-table-note" role="alert">
            {errorText(error)}
          </p>
        ) : null}
        {entries.length === 0 && (
          <LoadState loading={loading} error={error ?? undefined} empty={t('admin.audit.empty')} onRetry={() => load(null)} />
        )}
        {entries.length > 0 && (
          <div class="mc-more">
            <span class="hint" data-testid="audit-count">
              {t('admin.audit.count', { count: entries.length })}
            </span>
            {(table?.more || error) && (
              <button type="button" class="btn btn--secondary" data-testid="load-more" disabled={loading} onClick={() => load(table)}>
                {loading ? t('common.loading') : t('admin.audit.loadMore')}
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
