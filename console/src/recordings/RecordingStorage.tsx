import { useEffect, useState } from 'preact/hooks';
import { adminApi } from '../admin/adminApi';
import { Field, onText, useErrorText } from '../admin/parts';
import type { Settings } from '../admin/types';
import { units } from '../diagnostics/units';
import { useI18n } from '../i18n/I18nProvider';
import { useToast } from '../ui/Toast';

/**
 * The storage limit of session recordings in Settings (issue 18.6): what all recordings hold now
 * against the limit, and the limit in MB (MiB, as the server counts). At the limit no recording
 * starts and the technician's Viewer says so.
 */
export function RecordingStorage({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t, lang } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const recordings = settings.recordings;
  const [limit, setLimit] = useState(String(recordings?.limitMegabytes ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setLimit(String(settings.recordings?.limitMegabytes ?? '')), [settings]);
  if (!recordings) return null;

  const limitBytes = recordings.limitMegabytes * 1024 * 1024;
  const used = t('admin.settings.recordingUsed', {
    used: units(lang).bytes(recordings.usedBytes),
    limit: units(lang).bytes(limitBytes),
  });

  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const value = limit.trim() === '' ? null : Number(limit);
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      setError(t('admin.v.recordingLimit'));
      return;
    }
    setBusy(true);
    try {
      onSaved(await adminApi.updateSettings({ recordings: { limitMegabytes: value } }));
      toast(t('admin.settings.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card mc-card" aria-labelledby="settings-recordings" data-testid="settings-recordings" onSubmit={save} noValidate>
      <header class="card__header">
        <h2 class="card__title" id="settings-recordings">
          {t('admin.settings.recordings')}
        </h2>
        <span class={`badge ${recordings.usedBytes >= limitBytes ? 'badge--warning' : 'badge--neutral'}`} data-testid="recordings-used">
          {used}
        </span>
      </header>
      <div class="card__body mc-form">
        <p class="hint">{t('admin.settings.recordingHint')}</p>
        <Field label={t('admin.settings.recordingLimit')}>
          {(p) => <input {...p} name="recordingLimit" type="number" min={0} inputMode="numeric" value={limit} onInput={onText(setLimit)} />}
        </Field>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div>
          <button type="submit" class="btn btn--secondary" data-testid="save-recording-limit" disabled={busy}>
            {t('admin.save')}
          </button>
        </div>
      </div>
    </form>
  );
}
