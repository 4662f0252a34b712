import { useState } from 'preact/hooks';
import { authApi, type Passkey } from '../auth/authApi';
import { identityError } from '../auth/identityErrors';
import { PasskeySetup } from '../auth/PasskeySetup';
import { TotpSetup } from '../auth/TotpSetup';
import { useI18n } from '../i18n/I18nProvider';
import { useToast } from '../ui/Toast';

/** Two-factor sign-in: the authenticator app (on, off, recovery codes left) and the user's passkeys. */
export function SecondFactorCard({
  totp,
  recoveryCodesLeft,
  passkeys,
  onChanged,
}: {
  totp: boolean;
  recoveryCodesLeft: number;
  passkeys: Passkey[];
  onChanged: () => void;
}) {
  const { t, dateTime } = useI18n();
  const toast = useToast();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const turnOff = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await authApi.removeTotp(code.trim());
      setCode('');
      toast(t('account.totp.turnedOff'));
      onChanged();
    } catch (e) {
      setError(identityError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (passkey: Passkey) => {
    setError(null);
    try {
      await authApi.removePasskey(passkey.id);
      toast(t('account.passkeys.removed', { name: passkey.name }));
      onChanged();
    } catch (e) {
      setError(identityError(e, t));
    }
  };

  return (
    <section class="card mc-card" aria-labelledby="account-2fa" data-testid="second-factor-card">
      <header class="card__header">
        <h2 class="card__title" id="account-2fa">
          {t('account.totp.title')}
        </h2>
        <span class={`badge ${totp ? 'badge--success' : 'badge--neutral'}`} data-testid="totp-status" data-on={String(totp)}>
          {totp ? t('account.on') : t('account.off')}
        </span>
      </header>
      <div class="card__body mc-form">
        {totp ? (
          <form class="mc-inline" onSubmit={turnOff}>
            <p class="hint">{t('account.totp.codesLeft', { count: recoveryCodesLeft })}</p>
            <label class="field">
              <span class="field__label">{t('account.totp.offCode')}</span>
              <input name="totp-off-code" type="text" inputMode="numeric" autoComplete="one-time-code" required value={code} onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button type="submit" class="btn btn--danger-outline" disabled={busy} data-testid="totp-off">
              {t('account.totp.turnOff')}
            </button>
          </form>
        ) : (
          <TotpSetup onDone={onChanged} />
        )}
        {error && (
          <p class="form-error" role="alert" data-testid="second-factor-error">
            {error}
          </p>
        )}
      </div>
      <header class="card__header">
        <h2 class="card__title">{t('account.passkeys.title')}</h2>
      </header>
      <div class="card__body mc-form">
        <p class="hint">{t('account.passkeys.intro')}</p>
        {passkeys.length > 0 && (
          <ul class="account-list" data-testid="passkey-list">
            {passkeys.map((p) => (
              <li key={p.id} class="account-list__item" data-testid="passkey-row" data-id={p.id}>
                <span>
                  <strong>{p.name}</strong>
                  <span class="hint">
                    {' · '}
                    {t('account.added', { at: dateTime(p.createdAt) })}
                    {p.lastUsedAt && ` · ${t('account.lastUsed', { at: dateTime(p.lastUsedAt) })}`}
                  </span>
                </span>
                <button type="button" class="btn btn--small btn--ghost-danger" onClick={() => remove(p)} data-testid="passkey-remove">
                  {t('account.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <PasskeySetup onAdded={onChanged} />
      </div>
    </section>
  );
}
