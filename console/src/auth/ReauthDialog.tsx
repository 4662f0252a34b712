import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { onReauthenticationNeeded } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';
import { authApi } from './authApi';
import { identityError } from './identityErrors';
import { askPasskey, passkeysSupported } from './webauthn';

/**
 * Re-authentication: when the server wants a fresh proof of identity before a dangerous action
 * (another user's password, role or second factor; SMTP or single sign-on settings) it asks for
 * the password, a code or a passkey, then the action is sent again.
 */
export function ReauthProvider({ children }: { children: ComponentChildren }) {
  const [pending, setPending] = useState<((ok: boolean) => void) | null>(null);
  const queue = useRef<Promise<boolean> | null>(null);

  useEffect(() => {
    onReauthenticationNeeded(() => {
      // Several refused calls at once share one dialog.
      if (!queue.current) {
        queue.current = new Promise<boolean>((resolve) => setPending(() => resolve)).finally(() => {
          queue.current = null;
        });
      }
      return queue.current;
    });
    return () => onReauthenticationNeeded(null);
  }, []);

  const finish = (ok: boolean) => {
    pending?.(ok);
    setPending(null);
  };
  return (
    <>
      {children}
      {pending && <ReauthDialog onDone={finish} />}
    </>
  );
}

function ReauthDialog({ onDone }: { onDone: (ok: boolean) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'password' | 'otp'>('password');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const prove = async (proof: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await proof();
      onDone(true);
    } catch (e) {
      setError(identityError(e, t));
      setValue('');
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    void prove(() => authApi.reauthenticate(mode === 'password' ? { password: value } : { otp: value.trim() }));
  };

  const withPasskey = () =>
    prove(async () => {
      const options = await authApi.reauthenticationOptions();
      const credential = await askPasskey(options.publicKey);
      if (!credential) throw new Error('cancelled');
      await authApi.reauthenticate({ passkey: { flow: options.flow, credential } });
    });

  return (
    <Dialog title={t('reauth.title')} onClose={() => onDone(false)} testId="reauth-dialog">
      <form class="mc-form" onSubmit={submit}>
        <p class="hint">{t('reauth.intro')}</p>
        <label class="field">
          <span class="field__label">{mode === 'password' ? t('auth.password') : t('auth.otp')}</span>
          <input
            name={mode === 'password' ? 'reauth-password' : 'reauth-otp'}
            type={mode === 'password' ? 'password' : 'text'}
            autoComplete={mode === 'password' ? 'current-password' : 'one-time-code'}
            required
            autoFocus
            value={value}
            onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {error && (
          <p class="form-error" role="alert" data-testid="reauth-error">
            {error}
          </p>
        )}
        <div class="mc-savebar">
          <button type="button" class="btn btn--ghost" onClick={() => setMode(mode === 'password' ? 'otp' : 'password')}>
            {mode === 'password' ? t('reauth.useCode') : t('reauth.usePassword')}
          </button>
          {passkeysSupported() && (
            <button type="button" class="btn btn--secondary" onClick={withPasskey} disabled={busy}>
              {t('reauth.usePasskey')}
            </button>
          )}
          <button type="button" class="btn btn--secondary" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn btn--primary" disabled={busy} data-testid="reauth-confirm">
            {t('reauth.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
