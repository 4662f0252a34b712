import { useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';

/**
 * Diagnostics / Send Logfiles in the Chat window. Like View screen, they need the customer connected
 * and a phone that can collect; a phone that cannot shows neither (the capabilities say why, once).
 * After the session ended they open what was collected, which stays with the session.
 */
export function DiagnosticsActions({ session }: { session: Session }) {
  const { t } = useI18n();
  const { state, actions } = useConsole();
  const [busy, setBusy] = useState<'diagnostics' | 'logs' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ended = session.status !== 'active';
  const available = session.capabilities?.diagnostics === true;
  const away = !ended && !session.customerConnected;
  const disabled = !ended && (!available || away);
  const title = away ? t('screen.customerAway') : ended ? t('diag.keptHint') : undefined;

  const run = async (which: 'diagnostics' | 'logs', work: () => Promise<void>) => {
    setError(null);
    setBusy(which);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(null);
    }
  };

  const diagnostics = () => {
    const current = state.diagnostics[session.id]?.status;
    // A report on its way or already there is shown; Refresh in the window asks for a new one.
    if (ended || current === 'pending' || current === 'ready') {
      actions.openDiagnostics(session.id);
      return;
    }
    run('diagnostics', () => actions.requestDiagnostics(session.id));
  };

  const logs = () => {
    // Log files are asked for every time (docs/protocol.md 1.3), unless a request is still open.
    if (ended || state.logs[session.id]?.status === 'pending') {
      actions.openLogs(session.id);
      return;
    }
    run('logs', () => actions.requestLogs(session.id));
  };

  if (!available && !ended) return null;

  return (
    <div class="screen-actions diagnostics-actions" role="group" aria-label={t('diag.actions')}>
      <button
        type="button"
        class="btn btn--small btn--secondary"
        data-testid="diagnostics"
        disabled={disabled || busy !== null}
        title={title}
        onClick={diagnostics}
      >
        {t('diag.button')}
      </button>
      <button
        type="button"
        class="btn btn--small btn--secondary"
        data-testid="send-logfiles"
        disabled={disabled || busy !== null}
        title={title}
        onClick={logs}
      >
        {t('logs.button')}
      </button>
      {error && (
        <span class="form-error" role="alert" data-testid="diagnostics-error">
          {error}
        </span>
      )}
    </div>
  );
}
