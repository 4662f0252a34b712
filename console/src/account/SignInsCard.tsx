import { useState } from 'preact/hooks';
import { authApi, type ConsoleSignIn } from '../auth/authApi';
import { identityError } from '../auth/identityErrors';
import { useI18n } from '../i18n/I18nProvider';

/** Where the user is signed in to the console; each can be ended, or all at once ("sign out everywhere"). */
export function SignInsCard({ signIns, showOwner, onChanged, onSignedOut }: {
  signIns: ConsoleSignIn[];
  showOwner: boolean;
  onChanged: () => void;
  onSignedOut: () => void;
}) {
  const { t, dateTime } = useI18n();
  const [error, setError] = useState<string | null>(null);

  const act = async (call: () => Promise<void>, after: () => void) => {
    setError(null);
    try {
      await call();
      after();
    } catch (e) {
      setError(identityError(e, t));
    }
  };

  return (
    <section class="card mc-card" aria-labelledby="account-signins" data-testid="sign-ins-card">
      <header class="card__header">
        <h2 class="card__title" id="account-signins">
          {t('account.signIns.title')}
        </h2>
        <button type="button" class="btn btn--small btn--danger-outline" onClick={() => act(authApi.signOutEverywhere, onSignedOut)} data-testid="sign-out-everywhere">
          {t('account.signIns.everywhere')}
        </button>
      </header>
      <div class="card__body">
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <ul class="account-list">
          {signIns.map((s) => (
            <li key={s.id} class="account-list__item" data-testid="sign-in-row" data-current={String(s.current)}>
              <span>
                <strong>{s.current ? t('account.signIns.thisOne') : s.address ?? '—'}</strong>
                <span class="hint">
                  {showOwner && ` · ${s.username}`}
                  {s.userAgent && ` · ${s.userAgent.slice(0, 60)}`}
                  {' · '}
                  {s.lastUsedAt ? t('account.lastUsed', { at: dateTime(s.lastUsedAt) }) : t('account.added', { at: dateTime(s.createdAt) })}
                </span>
              </span>
              <button
                type="button"
                class="btn btn--small btn--ghost-danger"
                onClick={() => act(() => authApi.revokeSignIn(s.id), s.current ? onSignedOut : onChanged)}
                data-testid="revoke-sign-in"
              >
                {t('account.signIns.end')}
              </button>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
