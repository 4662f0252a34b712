import { useState } from 'preact/hooks';
import { identityError } from '../auth/identityErrors';
import { authApi } from '../auth/authApi';
import { useI18n } from '../i18n/I18nProvider';
import { useToast } from '../ui/Toast';
import { passwordProblem } from './passwordRule';

/** Changing one's own password; the other sign-ins and tokens of the user are signed out. */
export function PasswordCard({ username }: { username: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = passwordProblem(username, next, repeat);
    if (problem) {
      setError(t(problem));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await authApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      toast(t('account.password.changed'));
    } catch (e) {
      setError(identityError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const input = (name: string, label: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <label class="field">
      <span class="field__label">{label}</span>
      <input name={name} type="password" autoComplete={autoComplete} required value={value} onInput={(e) => set((e.currentTarget as HTMLInputElement).value)} />
    </label>
  );

  return (
    <section class="card mc-card" aria-labelledby="account-password">
      <header class="card__header">
        <h2 class="card__title" id="account-password">
          {t('account.password.title')}
        </h2>
      </header>
      <form class="card__body mc-form" onSubmit={submit} data-testid="password-form">
        <p class="hint">{t('account.password.rule')}</p>
        {input('current-password', t('account.password.current'), current, setCurrent, 'current-password')}
        <div class="mc-form__grid">
          {input('new-password', t('account.password.new'), next, setNext, 'new-password')}
          {input('repeat-password', t('account.password.repeat'), repeat, setRepeat, 'new-password')}
        </div>
        {error && (
          <p class="form-error" role="alert" data-testid="password-error">
            {error}
          </p>
        )}
        <div class="mc-savebar">
          <button type="submit" class="btn btn--primary" disabled={busy} data-testid="change-password">
            {t('account.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
