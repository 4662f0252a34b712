import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { AuthInfo } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';

/** Username and password; the server's message on failure (wrong credentials, too many attempts). */
export function SignInForm({ onSignedIn }: { onSignedIn: (auth: AuthInfo) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(username.trim(), password));
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div class="signin">
      <div class="signin__lang">
        <LanguageSwitch />
      </div>
      <form class="signin__card" onSubmit={submit}>
        <Brand />
        <h1 class="signin__title">{t('auth.title')}</h1>
        <p class="signin__subtitle">{t('auth.subtitle')}</p>
        <label class="field">
          <span class="field__label">{t('auth.username')}</span>
          <input
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellcheck={false}
            required
            autoFocus
            value={username}
            onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
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
        {error && (
          <p class="form-error" role="alert" data-testid="error">
            {error}
          </p>
        )}
        <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('auth.submitting') : t('auth.submit')}
        </button>
      </form>
    </div>
  );
}
