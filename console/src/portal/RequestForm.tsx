import { useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { webDevice } from '../join/webDevice';
import { portalApi } from './portalApi';
import type { RequestView } from './requestView';

export const MAX_NAME = 80;
export const MAX_DESCRIPTION = 1000;

/** Name, optional email and what is wrong → a request in the portal's line. */
export function RequestForm({
  slug,
  onCreated,
}: {
  slug: string;
  onCreated: (request: RequestView & { token: string }, name: string) => void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const trimmedName = name.trim();
    if (!trimmedName) return setError(t('join.nameRequired'));
    if (trimmedName.length > MAX_NAME) return setError(t('join.nameTooLong', { max: MAX_NAME }));
    setBusy(true);
    setError(null);
    const device = webDevice(navigator.userAgent);
    portalApi
      .create(slug, {
        name: trimmedName,
        description: description.trim(),
        email: email.trim() || undefined,
        device: { manufacturer: device.manufacturer, model: device.model, profile: device.profile },
      })
      .then((request) => onCreated(request, trimmedName))
      .catch((e) => setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') })))
      .finally(() => setBusy(false));
  };

  return (
    <form class="join-form" onSubmit={submit} noValidate data-testid="request-form">
      <label class="field">
        <span class="field__label">{t('portal.name')}</span>
        <input
          name="customerName"
          type="text"
          autoComplete="name"
          maxLength={MAX_NAME}
          required
          value={name}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label class="field">
        <span class="field__label">{t('portal.email')}</span>
        <input
          name="email"
          type="email"
          autoComplete="email"
          maxLength={320}
          value={email}
          onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
        />
        <span class="field__hint">{t('portal.emailHint')}</span>
      </label>
      <label class="field">
        <span class="field__label">{t('portal.description')}</span>
        <textarea
          name="description"
          rows={4}
          maxLength={MAX_DESCRIPTION}
          required
          value={description}
          onInput={(e) => setDescription((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <span class="field__hint">
          {t('portal.descriptionCount', { count: description.length, max: MAX_DESCRIPTION })}
        </span>
      </label>
      {error && (
        <p class="form-error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      <button type="submit" class="btn btn--primary btn--block" data-testid="request-submit" disabled={busy}>
        {busy ? t('portal.submitting') : t('portal.submit')}
      </button>
    </form>
  );
}
