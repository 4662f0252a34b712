import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { authApi, type Passkey } from './authApi';
import { identityError } from './identityErrors';
import { createPasskey, passkeysSupported } from './webauthn';

/** Adds a passkey: a name for it, then the browser asks the authenticator (PIN, fingerprint, face). */
export function PasskeySetup({ onAdded }: { onAdded: (passkey: Passkey) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!passkeysSupported()) {
    return <p class="hint">{t('account.passkeys.unsupported')}</p>;
  }

  const add = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const options = await authApi.passkeyEnrolmentOptions();
      const credential = await createPasskey(options.publicKey);
      if (credential) {
        onAdded(await authApi.addPasskey(options.flow, name.trim() || t('account.passkeys.defaultName'), credential));
        setName('');
      }
    } catch (e) {
      setError(identityError(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="mc-inline account-step" onSubmit={add} data-testid="passkey-setup">
      <label class="field">
        <span class="field__label">{t('account.passkeys.name')}</span>
        <input
          name="passkey-name"
          type="text"
          maxLength={120}
          placeholder={t('account.passkeys.namePlaceholder')}
          value={name}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <button type="submit" class="btn btn--primary" disabled={busy} data-testid="passkey-add">
        {t('account.passkeys.add')}
      </button>
      {error && (
        <p class="form-error" role="alert" data-testid="passkey-error">
          {error}
        </p>
      )}
    </form>
  );
}
