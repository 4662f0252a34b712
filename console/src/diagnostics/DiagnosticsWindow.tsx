import { useMemo, useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { DiagnosticsStatus } from '../api/types';
import { copyText } from '../codes/clipboard';
import { groupCode } from '../codes/codeFormat';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { downloadBlob, stampedFileName } from '../ui/download';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { InstalledAppsList } from './InstalledAppsList';
import { ReportSections, WarningList } from './ReportSections';
import { reportText } from './reportText';
import { sectionViews, warningViews } from './reportView';
import { units } from './units';

const TONE: Record<DiagnosticsStatus, string> = {
  none: 'neutral',
  pending: 'warning',
  declined: 'danger',
  ready: 'success',
  failed: 'danger',
};

/**
 * The Remote Diagnostics window of one session, beside its Chat window: the latest report the phone
 * sent, its warnings first, Refresh, Export JSON and Copy as text. Closing it leaves the session running.
 */
export function DiagnosticsWindow({ id }: { id: string }) {
  const { t, lang, dateTime } = useI18n();
  const toast = useToast();
  const { state, actions } = useConsole();
  const session = state.sessions[id];
  const diagnostics = state.diagnostics[id];
  const [busy, setBusy] = useState(false);

  const status: DiagnosticsStatus = diagnostics?.status ?? 'none';
  const report = diagnostics?.report ?? null;
  const customer = session?.customerName || t('sessions.customer');
  const active = session?.status === 'active';
  const canAsk = active && !!session?.customerConnected && session?.capabilities?.diagnostics === true && !busy;
  const collectedAt = diagnostics?.collectedAt ?? report?.collectedAt ?? null;

  const u = useMemo(() => units(lang), [lang]);
  const warnings = useMemo(() => warningViews(diagnostics?.warnings, report, t, u), [diagnostics, report, t, u]);
  const sections = useMemo(() => (report ? sectionViews(report, warnings, t, u) : []), [report, warnings, t, u]);

  const ask = async () => {
    setBusy(true);
    try {
      await actions.requestDiagnostics(id);
    } catch (e) {
      toast(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }), 'error');
    } finally {
      setBusy(false);
    }
  };

  const exportJson = () => {
    if (!report) return;
    const blob = new Blob([JSON.stringify(report, null, 2) + '\n'], { type: 'application/json' });
    downloadBlob(blob, stampedFileName(id, 'diagnostics', 'json', collectedAt ? new Date(collectedAt) : new Date()));
  };

  const copy = async () => {
    if (!report) return;
    const header = { customer, code: groupCode(session?.code) || id, collectedAt: dateTime(collectedAt) };
    const copied = await copyText(reportText(header, report, sections, warnings, t));
    toast(copied ? t('diag.copied') : t('diag.copyFailed'), copied ? 'success' : 'error');
  };

  return (
    <section class="tool-window diag" data-testid="diagnostics-window" data-session={id} aria-label={`${t('diag.title')}: ${customer}`}>
      <header class="tool-window__header">
        <div class="tool-window__title">
          <h2 class="tool-window__name">{t('diag.title')}</h2>
          <span class={`badge badge--${TONE[status] ?? 'neutral'}`} data-testid="diagnostics-status" data-status={status}>
            {t(`diag.status.${status}`)}
          </span>
          {collectedAt && (
            <time class="tool-window__meta" dateTime={collectedAt} data-testid="diagnostics-collected">
              {t('diag.collectedAt', { time: dateTime(collectedAt) })}
            </time>
          )}
        </div>
        <button
          type="button"
          class="btn btn--icon"
          data-testid="close-diagnostics"
          title={t('diag.close')}
          aria-label={t('diag.close')}
          onClick={() => actions.closeDiagnostics(id)}
        >
          <Icon name="close" />
        </button>
      </header>

      <div class="tool-window__toolbar" role="toolbar" aria-label={t('diag.toolbar')}>
        <button
          type="button"
          class="btn btn--small btn--secondary"
          data-testid="diagnostics-refresh"
          disabled={!canAsk || status === 'pending'}
          title={!active ? t('diag.keptHint') : undefined}
          onClick={ask}
        >
          <Icon name="refresh" size={16} />
          {t('diag.refresh')}
        </button>
        <button type="button" class="btn btn--small btn--secondary" data-testid="diagnostics-export" disabled={!report} onClick={exportJson}>
          <Icon name="download" size={16} />
          {t('diag.export')}
        </button>
        <button type="button" class="btn btn--small btn--secondary" data-testid="diagnostics-copy" disabled={!report} onClick={copy}>
          <Icon name="copy" size={16} />
          {t('diag.copy')}
        </button>
      </div>

      <div class="tool-window__body">
        <StatusMessage
          status={status}
          customer={customer}
          error={diagnostics?.error}
          hasReport={!!report}
          loaded={!!diagnostics}
          canAsk={canAsk}
          onAsk={ask}
        />
        {report && (
          <>
            <WarningList warnings={warnings} />
            <ReportSections sections={sections} />
            <InstalledAppsList report={report} />
          </>
        )}
      </div>
    </section>
  );
}

interface StatusMessageProps {
  status: DiagnosticsStatus;
  customer: string;
  error?: string | null;
  hasReport: boolean;
  loaded: boolean;
  canAsk: boolean;
  onAsk: () => void;
}

/** What is going on when there is no fresh report to show: asking, declined (ask again), failed, nothing yet. */
function StatusMessage({ status, customer, error, hasReport, loaded, canAsk, onAsk }: StatusMessageProps) {
  const { t } = useI18n();
  if (!loaded) return <p class="empty">{t('common.loading')}</p>;
  if (status === 'ready') return null;
  let text: string;
  switch (status) {
    case 'pending':
      text = t('diag.msg.pending', { name: customer });
      break;
    case 'declined':
      text = t('diag.msg.declined', { name: customer });
      break;
    case 'failed':
      text = error ? t('diag.msg.failed', { reason: error }) : t('diag.msg.failedNoReason');
      break;
    default:
      text = t('diag.msg.none');
  }
  return (
    <div class={`callout ${status === 'declined' || status === 'failed' ? 'callout--error' : 'callout--info'} diag-message`} role="status">
      <p>{text}</p>
      {hasReport && status !== 'none' && <p class="hint">{t('diag.msg.previous')}</p>}
      {status !== 'pending' && (
        <button type="button" class="btn btn--small btn--primary" data-testid="diagnostics-ask-again" disabled={!canAsk} onClick={onAsk}>
          {status === 'none' ? t('diag.request') : t('diag.askAgain')}
        </button>
      )}
    </div>
  );
}
