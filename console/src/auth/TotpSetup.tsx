import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { authApi, type TotpEnrolment } from './authApi';
import { identityError } from './identityErrors';
import { QrCode } from './QrCode';

/**
 * Turning on two-factor codes: a QR code (and the secret as text) for the authenticator app, the
 * app's first code to confirm, then the ten recovery codes, shown this once.
 */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const begin = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await authApi.beginTotp());
    } catch (e) {
      setError(identityError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setRecovery((await authApi.confirmTotp(code.trim())).recoveryCodes);
    } catch (e) {
      setError(identityError(e, t));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (recovery) {
    return (
      <div class="account-step" data-testid="recovery-codes">
        <p class="callout callout--success" role="status">
          {t('account.totp.on')}
        </p>
        <p>{t('account.totp.recoveryIntro')}</p>
        <ol class="recovery-codes">
          {recovery.map((r) => (
            <li key={r} class="mc-mono" data-testid="recovery-code">
              {r}
            </li>
          ))}
        </ol>
        <button type="button" class="btn btn--primary" onClick={onDone} data-testid="recovery-saved">
          {t('account.totp.saved')}
        </button>
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div class="account-step">
        <p class="hint">{t('account.totp.intro')}</p>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" class="btn btn--primary" onClick={begin} disabled={busy} data-testid="totp-begin">
          {t('account.totp.setUp')}
        </button>
      </div>
    );
  }
  return (
    <form class="account-step totp-setup" onSubmit={confirm} data-testid="totp-setup">
      <ol class="account-steps">
        <li>{t('account.totp.scan')}</li>
        <li>{t('account.totp.enterCode')}</li>
      </ol>
      <div class="totp-setup__body">
        <QrCode text={enrolment.otpauthUri} label={t('account.totp.qrLabel')} />
        <div class="totp-setup__side">
          <p class="hint">{t('account.totp.manual')}</p>
          <code class="totp-secret" data-testid="totp-secret">
            {enrolment.secret.replace(/(.{4})/g, '$1 ').trim()}
          </code>
          <label class="field">
            <span class="field__label">{t('account.totp.code')}</span>
            <input
              name="totp-code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              value={code}
              onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {error && (
            <p class="form-error" role="alert" data-testid="totp-error">
              {error}
            </p>
          )}
          <button type="submit" class="btn btn--primary" disabled={busy} data-testid="totp-confirm">
            {t('account.totp.confirm')}
          </button>
        </div>
      </div>
    </form>
  );
}
