import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { adminApi } from './adminApi';
import { Field, LoadState, onText, PageHeader } from './parts';
import { rangeInverted } from './query';
import { adminHref } from './route';
import type { SurveyTally } from './types';
import { useLoad } from './useLoad';
import { navigate } from './useRoute';

/**
 * The satisfaction surveys of a period (the last 30 days unless chosen): per technician and per
 * portal, how many customers were asked, how many answered, and their mean rating.
 */
export function SurveysPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const [draft, setDraft] = useState({ from, to });
  const [rangeError, setRangeError] = useState(false);
  const [summary, reload] = useLoad(() => adminApi.surveys(from, to), `${from}|${to}`);

  const apply = (event: Event) => {
    event.preventDefault();
    if (rangeInverted(draft.from, draft.to)) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    const hash = adminHref('surveys', draft);
    if (window.location.hash === hash) reload();
    else navigate(hash);
  };

  return (
    <section class="mc-page" data-testid="mc-surveys">
      <PageHeader title={t('admin.surveys.title')} intro={t('admin.surveys.intro')} />
      <form class="card mc-filters" onSubmit={apply} aria-label={t('admin.filters')} data-testid="survey-filters">
        <Field label={t('admin.from')} error={rangeError ? 'admin.v.range' : undefined}>
          {(p) => <input {...p} name="from" type="date" value={draft.from} onInput={onText((v) => setDraft((d) => ({ ...d, from: v })))} />}
        </Field>
        <Field label={t('admin.to')}>
          {(p) => <input {...p} name="to" type="date" value={draft.to} onInput={onText((v) => setDraft((d) => ({ ...d, to: v })))} />}
        </Field>
        <div class="mc-filters__buttons">
          <button type="submit" class="btn btn--primary" data-testid="apply-filters">
            {t('admin.apply')}
          </button>
        </div>
      </form>
      {summary.data ? (
        <>
          <TallyTable title={t('admin.surveys.byTechnician')} who={t('admin.history.technician')} rows={summary.data.technicians} testid="survey-technicians" />
          <TallyTable title={t('admin.surveys.byPortal')} who={t('admin.history.portal')} rows={summary.data.portals} testid="survey-portals" />
        </>
      ) : (
        <div class="card">
          <LoadState loading={summary.status === 'loading'} error={summary.status === 'error' ? summary.error : undefined} onRetry={reload} />
        </div>
      )}
    </section>
  );
}

function TallyTable({ title, who, rows, testid }: { title: string; who: string; rows: SurveyTally[]; testid: string }) {
  const { t, lang } = useI18n();
  const locale = lang === 'es' ? 'es-ES' : 'en-GB';
  const count = new Intl.NumberFormat(locale);
  const mean = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <section class="card mc-card" aria-label={title}>
      <header class="card__header">
        <h2 class="card__title">{title}</h2>
      </header>
      {rows.length === 0 ? (
        <p class="empty card__body">{t('admin.surveys.none')}</p>
      ) : (
        <div class="mc-table-wrap">
          <table class="mc-table" data-testid={testid}>
            <thead>
              <tr>
                <th scope="col">{who}</th>
                <th scope="col" class="mc-num">{t('admin.surveys.asked')}</th>
                <th scope="col" class="mc-num">{t('admin.surveys.answered')}</th>
                <th scope="col" class="mc-num">{t('admin.surveys.average')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td class="mc-num">{count.format(row.asked)}</td>
                  <td class="mc-num">{count.format(row.answered)}</td>
                  <td class="mc-num" data-testid="survey-average">
                    {row.averageRating === null ? '–' : mean.format(row.averageRating)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
