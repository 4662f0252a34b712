import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { ConsoleEvent, SessionFile } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { filesApi } from './filesApi';

interface Props {
  session: string;
  /** Whether the session is still going on: only then can a file be sent or asked for. */
  live: boolean;
}

/** Bytes as people read them: B, KB or MB. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1048576) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * Files both ways in a Chat window (docs/files.md): send a file to the customer (they accept it on
 * the phone, which saves it to Downloads), ask the customer for one (they pick it on the phone), and
 * download what arrived. The list follows the console socket's `files` event; a reconnection reads it again.
 */
export function SessionFiles({ session, live }: Props) {
  const { t } = useI18n();
  const { actions } = useConsole();
  const [files, setFiles] = useState<SessionFile[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const read = () => {
      filesApi.list(session).then((found) => setFiles(found.files), () => {});
    };
    read();
    return actions.listen((event) => {
      const e = event as ConsoleEvent | { type: 'open' };
      if (e.type === 'files' && e.session === session) setFiles(e.files);
      else if (e.type === 'open') read();
    });
  }, [session, actions]);

  const run = async (what: string, work: () => Promise<unknown>) => {
    setBusy(what);
    setError(null);
    try {
      await work();
      const found = await filesApi.list(session);
      setFiles(found.files);
    } catch (e) {
      setError(t('files.failed', { reason: errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }) }));
    } finally {
      setBusy(null);
    }
  };

  const chosen = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void run(file.name, () => filesApi.send(session, file));
  };

  return (
    <details class="session-files" data-testid="session-files" data-session={session} open={files.length > 0 || undefined}>
      <summary data-testid="files-toggle">
        {t('files.title')} ({files.length})
      </summary>
      {files.length > 0 ? (
        <ul class="session-files__list" data-testid="files-list">
          {files.map((file) => (
            <li key={file.id} class="session-files__file" data-testid="file" data-file={file.id} data-status={file.status}>
              <span class="session-files__name">{file.name ?? t('files.requestedName')}</span>{' '}
              <span class="session-files__meta">
                {file.direction === 'toCustomer' ? t('files.toCustomer') : t('files.fromCustomer')}
                {file.size != null && ` · ${humanSize(file.size)}`} · {t(`files.status.${file.status}`)}
                {(file.status === 'uploading' || file.status === 'accepted') && file.size != null && (
                  <> · {t('files.progress', { received: humanSize(file.received), size: humanSize(file.size) })}</>
                )}
              </span>{' '}
              {file.url && (
                <a class="btn btn--small btn--secondary" data-testid="file-download" href={filesApi.downloadUrl(session, file.id)} download={file.name ?? undefined}>
                  {t('files.download')}
                </a>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint" data-testid="files-empty">
          {t('files.none')}
        </p>
      )}
      {busy && (
        <p class="hint" role="status" data-testid="file-sending">
          {t('files.sending', { name: busy })}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert" data-testid="file-error">
          {error}
        </p>
      )}
      {live && (
        <div class="session-files__actions">
          <input ref={picker} type="file" class="visually-hidden" data-testid="file-input" onChange={(e) => chosen(e.currentTarget)} />
          <button type="button" class="btn btn--small btn--secondary" data-testid="file-send" disabled={busy !== null} onClick={() => picker.current?.click()}>
            {t('files.send')}
          </button>
          <button type="button" class="btn btn--small btn--secondary" data-testid="file-ask" disabled={busy !== null} onClick={() => void run('…', () => filesApi.ask(session))}>
            {t('files.ask')}
          </button>
        </div>
      )}
    </details>
  );
}
