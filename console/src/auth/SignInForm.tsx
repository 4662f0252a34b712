import { useEffect, useState } from 'preact/hooks';
import { ERROR_CODES } from '../api/errorCodes';
import { ApiError } from '../api/http';
import type { AuthInfo } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';
import { authApi, type SsoInfo } from './authApi';
import { identityError, ssoError } from './identityErrors';
import { passkeysSupported, askPasskey } from './webauthn';

/**
 * Sign-in: user name and password, then a code from the authenticator app when the account has
 * one (or a recovery code); a passkey instead of both; "Sign in with …" when single sign-on is set up.
 */
export function SignInForm({ onSignedIn }: { onSignedIn: (auth: AuthInfo) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sso, setSso] = useState<SsoInfo | null>(null);

  useEffect(() => {
    authApi.sso().then(setSso).catch(() => setSso(null));
    const params = new URLSearchParams(window.location.search);
    const refused = params.get('sso_error');
    if (refused) {
      setError(ssoError(refused, t));
      window.history.replaceState(null, '', window.location.pathname + window.location.hash);
    }
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await authApi.login(username.trim(), password, needsCode ? otp.trim() : undefined));
    } catch (e) {
      if (e instanceof ApiError && e.code === ERROR_CODES.OTP_REQUIRED.code) {
        setNeedsCode(true);
        setError(null);
      } else {
        setError(identityError(e, t));
        if (!needsCode || !(e instanceof ApiError) || e.code !== ERROR_CODES.INVALID_OTP.code) setPassword('');
        if (!(e instanceof ApiError) || e.code !== ERROR_CODES.INVALID_OTP.code) setNeedsCode(false);
      }
      setOtp('');
      setBusy(false);
    }
  };

  const withPasskey = async () => {
    setBusy(true);
    setError(null);
    try {
      const options = await authApi.passkeySignInOptions();
      const credential = await askPasskey(options.publicKey);
      if (!credential) {
        setBusy(false);
        return;
      }
      onSignedIn(await authApi.passkeySignIn(options.flow, credential));
    } catch (e) {
      setError(identityError(e, t));
      setBusy(false);
    }
  };

  return (
    <div class="signin">
      <div class="signin__lang">
        <LanguageSwitch />
      </div>
      <form class="signin__card" onSubmit={submit} data-testid="sign-in-form">
        <Brand />
        <h1 class="signin__title">{t('auth.title')}</h1>
        <p class="signin__subtitle">{t('auth.subtitle')}</p>
        <label class="field">
          <span class="field__label">{t('auth.username')}</span>
          <input
            name="username"
            type="text"
            autoComplete="username webauthn"
            autoCapitalize="none"
            spellcheck={false}
            required
            autoFocus
            readOnly={needsCode}
            value={username}
            onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field" hidden={needsCode}>
          <span class="field__label">{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {needsCode && (
          <label class="field">
            <span class="field__label">{t('auth.otp')}</span>
            <input
              name="otp"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              spellcheck={false}
              required
              autoFocus
              value={otp}
              onInput={(e) => setOtp((e.currentTarget as HTMLInputElement).value)}
            />
            <span class="hint" data-testid="otp-hint">
              {t('auth.otpHint')}
            </span>
          </label>
        )}
        {error && (
          <p class="form-error" role="alert" data-testid="error">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn--primary btn--block" disabled={busy} data-testid="sign-in">
          {busy ? t('auth.submitting') : needsCode ? t('auth.verify') : t('auth.submit')}
        </button>
        {needsCode && (
          <button
            type="button"
            class="btn btn--secondary btn--block"
            onClick={() => {
              setNeedsCode(false);
              setPassword('');
              setOtp('');
            }}
          >
            {t('auth.startOver')}
          </button>
        )}
        <div class="signin__alternatives">
          {passkeysSupported() && (
            <button type="button" class="btn btn--secondary btn--block" onClick={withPasskey} disabled={busy} data-testid="passkey-sign-in">
              {t('auth.passkey')}
            </button>
          )}
          {sso?.enabled && (
            <a class="btn btn--secondary btn--block" href={authApi.ssoStartUrl} data-testid="sso-sign-in">
              {t('auth.sso', { label: sso.label ?? t('auth.sso.defaultLabel') })}
            </a>
          )}
        </div>
      </form>
    </div>
  );
}
