import { useState } from 'preact/hooks';
import { authApi, type ApiToken, type NewApiToken } from '../auth/authApi';
import { identityError } from '../auth/identityErrors';
import { useI18n } from '../i18n/I18nProvider';

/** API tokens for scripts: created with a name, scope and lifetime (the secret shown once), listed, revoked. */
export function TokensCard({ tokens, showOwner, onChanged }: { tokens: ApiToken[]; showOwner: boolean; onChanged: () => void }) {
  const { t, dateTime } = useI18n();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'full'>('read');
  const [days, setDays] = useState('30');
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setCreated(await authApi.createToken(name.trim(), scope, Number(days)));
      setName('');
      onChanged();
    } catch (e) {
      setError(identityError(e, t));
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (token: ApiToken) => {
    setError(null);
    try {
      await authApi.revokeToken(token.id);
      onChanged();
    } catch (e) {
      setError(identityError(e, t));
    }
  };

  return (
    <section class="card mc-card" aria-labelledby="account-tokens" data-testid="tokens-card">
      <header class="card__header">
        <h2 class="card__title" id="account-tokens">
          {t('account.tokens.title')}
        </h2>
      </header>
      <div class="card__body mc-form">
        <p class="hint">{t('account.tokens.intro')}</p>
        <form class="mc-inline" onSubmit={create}>
          <label class="field">
            <span class="field__label">{t('account.tokens.name')}</span>
            <input name="token-name" type="text" required maxLength={120} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <label class="field">
            <span class="field__label">{t('account.tokens.scope')}</span>
            <select name="token-scope" value={scope} onChange={(e) => setScope((e.currentTarget as HTMLSelectElement).value as 'read' | 'full')}>
              <option value="read">{t('account.tokens.read')}</option>
              <option value="full">{t('account.tokens.full')}</option>
            </select>
          </label>
          <label class="field">
            <span class="field__label">{t('account.tokens.days')}</span>
            <input name="token-days" type="number" min={1} max={365} required value={days} onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <button type="submit" class="btn btn--primary" disabled={busy} data-testid="create-token">
            {t('account.tokens.create')}
          </button>
        </form>
        {created && (
          <div class="callout callout--success" role="status" data-testid="new-token">
            <p>{t('account.tokens.created', { name: created.name })}</p>
            <code class="mc-mono token-secret" data-testid="new-token-secret">
              {created.token}
            </code>
          </div>
        )}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        {tokens.length === 0 ? (
          <p class="hint">{t('account.tokens.none')}</p>
        ) : (
          <ul class="account-list" data-testid="token-list">
            {tokens.map((token) => (
              <li key={token.id} class="account-list__item" data-testid="token-row" data-id={token.id}>
                <span>
                  <strong>{token.name}</strong>{' '}
                  <span class={`badge ${token.scope === 'read' ? 'badge--info' : 'badge--warning'}`}>
                    {token.scope === 'read' ? t('account.tokens.read') : t('account.tokens.full')}
                  </span>
                  <span class="hint">
                    {showOwner && ` · ${token.username}`}
                    {' · '}
                    {t('account.expires', { at: dateTime(token.expiresAt) })}
                    {' · '}
                    {token.lastUsedAt ? t('account.lastUsed', { at: dateTime(token.lastUsedAt) }) : t('account.neverUsed')}
                  </span>
                </span>
                <button type="button" class="btn btn--small btn--ghost-danger" onClick={() => revoke(token)} data-testid="revoke-token">
                  {t('account.revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
