import { useEffect, useState } from 'preact/hooks';
import { keysText } from '../shell/shortcuts';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { Portal } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { groupCode } from './codeFormat';

/** Identifier + portal → a new session code. */
export function CreateCodeForm({ onCreated }: { onCreated: (code: string) => void }) {
  const { t } = useI18n();
  const { actions } = useConsole();
  const toast = useToast();
  const [portals, setPortals] = useState<Portal[]>([]);
  const [portal, setPortal] = useState('default');
  const [identifier, setIdentifier] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .portals()
      .then((list) => {
        setPortals(list);
        if (list.length > 0 && !list.some((p) => p.slug === 'default')) setPortal(list[0].slug);
      })
      .catch(() => setPortals([]));
  }, []);

  const selected = portals.find((p) => p.slug === portal);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const code = await api.createCode(identifier.trim() || undefined, portal || undefined);
      actions.dispatch({ type: 'codeUpserted', code });
      setIdentifier('');
      toast(t('codes.created', { code: groupCode(code.code) }));
      onCreated(code.code);
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="create-code" onSubmit={submit}>
      <div class="create-code__fields">
        <label class="field create-code__identifier">
          <span class="field__label">{t('codes.identifier')}</span>
          <input
            name="identifier"
            type="text"
            maxLength={200}
            autoComplete="off"
            value={identifier}
            placeholder={t('codes.identifierHint')}
            title={t('codes.identifierHelp')}
            onInput={(e) => setIdentifier((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label class="field create-code__portal">
          <span class="field__label">{t('codes.portal')}</span>
          <select name="portal" value={portal} onChange={(e) => setPortal((e.currentTarget as HTMLSelectElement).value)}>
            {portals.length === 0 && <option value="default">default</option>}
            {portals.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          class="btn btn--primary create-code__submit"
          data-testid="create-code"
          title={keysText('Alt+Shift+N', t)}
          disabled={busy}
        >
          <Icon name="plus" />
          {busy ? t('codes.creating') : t('codes.create')}
        </button>
      </div>
      {selected && <p class="hint">{t('codes.lifetime', { minutes: selected.codeLifetimeMinutes })}</p>}
      {error && (
        <p class="form-error" role="alert" data-testid="error">
          {error}
        </p>
      )}
    </form>
  );
}
