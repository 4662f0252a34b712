import { useMemo, useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import type { EmailReceipt, LogFile, Session } from '../api/types';
import { units } from '../diagnostics/units';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import { useConsole } from '../state/ConsoleProvider';
import { Dialog } from '../ui/Dialog';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { composeDefaults, emailRequest, type ComposeDraft } from './composeDefaults';

const RESULT: Record<EmailReceipt['status'], MessageKey> = {
  sent: 'compose.sent',
  queued: 'compose.queued',
  outbox: 'compose.outbox',
  failed: 'compose.failed',
};

interface Props {
  session: Session;
  files: LogFile[];
  onClose: () => void;
}

/**
 * The new email Send Logfiles prepares: the technician adds an address, may edit the subject and
 * the text and drop attachments, and sends. The server's refusal (a bad address) shows inline.
 */
export function ComposeLogsEmail({ session, files, onClose }: Props) {
  const { t, lang } = useI18n();
  const toast = useToast();
  const { actions } = useConsole();
  const [draft, setDraft] = useState<ComposeDraft>(() => composeDefaults(session, files, t));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const u = useMemo(() => units(lang), [lang]);

  const byId = new Map(files.map((file) => [file.id, file]));
  const attached = draft.files.map((fileId) => byId.get(fileId)).filter((file): file is LogFile => !!file);
  const update = (changes: Partial<ComposeDraft>) => setDraft((current) => ({ ...current, ...changes }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const request = emailRequest({ ...draft, files: attached.map((file) => file.id) });
      const receipt = await actions.emailLogs(session.id, request);
      toast(t(RESULT[receipt.status] ?? 'compose.queued', { to: request.to }), receipt.status === 'failed' ? 'error' : 'success');
      onClose();
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('compose.title')} onClose={onClose} testId="compose-email">
      <form class="compose" onSubmit={submit} noValidate>
        <label class="field">
          <span class="field__label">{t('compose.to')}</span>
          <input
            name="to"
            type="email"
            autoComplete="email"
            required
            placeholder={t('compose.toPlaceholder')}
            value={draft.to}
            onInput={(e) => update({ to: (e.currentTarget as HTMLInputElement).value })}
          />
        </label>
        <label class="field">
          <span class="field__label">{t('compose.subject')}</span>
          <input name="subject" type="text" value={draft.subject} onInput={(e) => update({ subject: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label class="field">
          <span class="field__label">{t('compose.message')}</span>
          <textarea
            name="message"
            rows={6}
            value={draft.message}
            onInput={(e) => update({ message: (e.currentTarget as HTMLTextAreaElement).value })}
          />
        </label>
        <div class="field">
          <span class="field__label">{t('compose.attachments', { count: attached.length })}</span>
          {attached.length === 0 ? (
            <p class="hint" data-testid="no-attachments">
              {t('compose.noAttachments')}
            </p>
          ) : (
            <ul class="attachments">
              {attached.map((file) => (
                <li key={file.id} class="attachment" data-testid="attachment" data-file={file.id} data-name={file.name}>
                  <Icon name="download" size={14} />
                  <span class="attachment__name">{file.name}</span>
                  <span class="attachment__size">{u.bytes(file.size)}</span>
                  <button
                    type="button"
                    class="btn btn--icon btn--small"
                    data-testid="remove-attachment"
                    title={t('compose.remove', { name: file.name })}
                    aria-label={t('compose.remove', { name: file.name })}
                    onClick={() => update({ files: draft.files.filter((other) => other !== file.id) })}
                  >
                    <Icon name="close" size={14} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        {error && (
          <p class="form-error" role="alert" data-testid="compose-error">
            {error}
          </p>
        )}
        <div class="dialog__actions">
          <button type="button" class="btn btn--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            class="btn btn--primary"
            data-testid="send-logs-email"
            disabled={busy || !draft.to.trim() || attached.length === 0}
          >
            <Icon name="send" size={16} />
            {busy ? t('compose.sending') : t('compose.send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
