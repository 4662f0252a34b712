import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { EmailReceipt, SessionCode } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/en';
import { useConsole } from '../state/ConsoleProvider';
import { Dialog } from '../ui/Dialog';
import { groupCode } from './codeFormat';

const RESULT: Record<EmailReceipt['status'], MessageKey> = {
  sent: 'email.sent',
  queued: 'email.queued',
  outbox: 'email.outbox',
  failed: 'email.failed',
};

/** Send Code via Email: one address, then the server's answer (sent, queued, kept in the outbox, or an error). */
export function EmailCodeDialog({ code, onClose }: { code: SessionCode; onClose: () => void }) {
  const { t } = useI18n();
  const { actions } = useConsole();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ to: string; receipt: EmailReceipt } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const address = to.trim();
    setBusy(true);
    setError(null);
    try {
      const receipt = await api.emailCode(code.code, address);
      setResult({ to: address, receipt });
      actions.dispatch({ type: 'outboxChanged' });
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('email.title')} onClose={onClose} testId="email-dialog">
      <p class="dialog__text">{t('email.intro', { code: groupCode(code.code) })}</p>
      {result ? (
        <>
          <p
            class={`callout ${result.receipt.status === 'failed' ? 'callout--error' : 'callout--success'}`}
            role="status"
            data-testid="email-result"
            data-status={result.receipt.status}
          >
            {t(RESULT[result.receipt.status] ?? 'email.queued', { to: result.to })}
          </p>
          <div class="dialog__actions">
            <button type="button" class="btn btn--primary" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <label class="field">
            <span class="field__label">{t('email.to')}</span>
            <input
              name="to"
              type="email"
              autoComplete="email"
              required
              value={to}
              onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {error && (
            <p class="form-error" role="alert" data-testid="error">
              {error}
            </p>
          )}
          <div class="dialog__actions">
            <button type="button" class="btn btn--secondary" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" class="btn btn--primary" data-testid="send-email" disabled={busy || !to.trim()}>
              {busy ? t('email.sending') : t('email.send')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
