import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { LogsStatus } from '../api/types';
import { units } from '../diagnostics/units';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { ComposeLogsEmail } from './ComposeLogsEmail';

const TONE: Record<LogsStatus, string> = { none: 'neutral', pending: 'warning', declined: 'danger', ready: 'success' };

/**
 * The Log files window of one session, beside its Chat window: the files the phone sent (each
 * downloadable), the ones the server refused and why, and the email that takes them to someone.
 */
export function LogsWindow({ id }: { id: string }) {
  const { t, lang, dateTime } = useI18n();
  const toast = useToast();
  const { state, actions } = useConsole();
  const session = state.sessions[id];
  const logs = state.logs[id];
  const [busy, setBusy] = useState(false);
  const u = useMemo(() => units(lang), [lang]);

  const status: LogsStatus = logs?.status ?? 'none';
  const files = logs?.files ?? [];
  const refused = logs?.refused ?? [];
  const customer = session?.customerName || t('sessions.customer');
  const canAsk = session?.status === 'active' && !!session.customerConnected && session.capabilities?.diagnostics === true && !busy;
  const composing = state.composingLogs.includes(id);
  const arrived = state.logsArrived.includes(id);

  const ask = async () => {
    setBusy(true);
    try {
      await actions.requestLogs(id);
    } catch (e) {
      toast(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }), 'error');
    } finally {
      setBusy(false);
    }
  };

  const message =
    !logs ? t('common.loading')
    : status === 'pending' ? t('logs.msg.pending', { name: customer })
    : status === 'declined' ? t('logs.msg.declined', { name: customer })
    : status === 'none' ? t('logs.msg.none')
    : files.length === 0 ? t('logs.msg.noFiles')
    : null;

  return (
    <section class="tool-window logs" data-testid="logs-window" data-session={id} aria-label={`${t('logs.title')}: ${customer}`}>
      <header class="tool-window__header">
        <div class="tool-window__title">
          <h2 class="tool-window__name">{t('logs.title')}</h2>
          <span class={`badge badge--${TONE[status] ?? 'neutral'}`} data-testid="logs-status" data-status={status}>
            {t(`logs.status.${status}`)}
          </span>
        </div>
        <button
          type="button"
          class="btn btn--icon"
          data-testid="close-logs"
          title={t('logs.close')}
          aria-label={t('logs.close')}
          onClick={() => actions.closeLogs(id)}
        >
          <Icon name="close" />
        </button>
      </header>

      <div class="tool-window__toolbar" role="toolbar" aria-label={t('logs.toolbar')}>
        <button
          type="button"
          class={`btn btn--small btn--primary${arrived ? ' btn--attention' : ''}`}
          data-testid="compose-logs-email"
          data-arrived={String(arrived)}
          disabled={files.length === 0}
          onClick={() => actions.dispatch({ type: 'composeLogsOpened', session: id })}
        >
          <Icon name="mail" size={16} />
          {t('logs.compose')}
        </button>
        <button
          type="button"
          class="btn btn--small btn--secondary"
          data-testid="logs-ask-again"
          disabled={!canAsk || status === 'pending'}
          onClick={ask}
        >
          <Icon name="refresh" size={16} />
          {status === 'none' ? t('logs.request') : t('logs.askAgain')}
        </button>
      </div>

      <div class="tool-window__body">
        {arrived && (
          <p class="callout callout--success" role="status" data-testid="logs-arrived">
            {t('logs.arrived', { count: files.length })}
          </p>
        )}
        {message && (
          <p class={`callout ${status === 'declined' ? 'callout--error' : 'callout--info'}`} role="status" data-testid="logs-message">
            {message}
          </p>
        )}
        {files.length > 0 && (
          <ul class="log-files" aria-label={t('logs.files')}>
            {files.map((file) => (
              <li key={file.id} class="log-file" data-testid="log-file" data-file={file.id} data-name={file.name}>
                <Icon name="download" size={16} />
                <span class="log-file__name">{file.name}</span>
                <span class="log-file__size" data-bytes={file.size}>
                  {u.bytes(file.size)}
                </span>
                {file.storedAt && (
                  <time class="log-file__time" dateTime={file.storedAt}>
                    {dateTime(file.storedAt)}
                  </time>
                )}
                <a class="btn btn--small btn--secondary" href={api.logFileUrl(id, file.id)} download={file.name} data-testid="log-download">
                  {t('logs.download')}
                </a>
              </li>
            ))}
          </ul>
        )}
        {refused.length > 0 && (
          <>
            <h3 class="tool-window__subtitle">{t('logs.refusedTitle')}</h3>
            <ul class="log-files">
              {refused.map((file, index) => (
                <li key={`${file.name}:${index}`} class="log-file log-file--refused" data-testid="log-refused" data-name={file.name}>
                  <span class="log-file__name">{file.name}</span>
                  <span class="log-file__reason">{file.reason}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      {composing && session && files.length > 0 && (
        <ComposeLogsEmail session={session} files={files} onClose={() => actions.dispatch({ type: 'composeLogsClosed', session: id })} />
      )}
    </section>
  );
}
