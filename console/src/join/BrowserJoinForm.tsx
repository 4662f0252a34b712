import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';

export const MAX_NAME_LENGTH = 80;

/** The customer's name, then Join session (chat in the browser). */
export function BrowserJoinForm({ onJoin }: { onJoin: (name: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('join.nameRequired'));
    if (trimmed.length > MAX_NAME_LENGTH) return setError(t('join.nameTooLong', { max: MAX_NAME_LENGTH }));
    onJoin(trimmed);
  };

  return (
    <form class="join-form" onSubmit={submit} noValidate>
      <label class="field">
        <span class="field__label">{t('join.name')}</span>
        <input
          name="customerName"
          type="text"
          autoComplete="name"
          maxLength={MAX_NAME_LENGTH}
          required
          value={name}
          aria-invalid={!!error}
          onInput={(e) => {
            setName((e.currentTarget as HTMLInputElement).value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p class="form-error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      <button type="submit" class="btn btn--primary btn--block" data-testid="join-browser">
        {t('join.join')}
      </button>
    </form>
  );
}
