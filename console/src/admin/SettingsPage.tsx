import { useEffect, useState } from 'preact/hooks';
import { ERROR_CODES } from '../api/errorCodes';
import { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { useToast } from '../ui/Toast';
import { adminApi } from './adminApi';
import { Field, LoadState, onText, PageHeader, useErrorText } from './parts';
import { SignInSettingsForm } from './SignInSettingsForm';
import { RecordingStorage } from '../recordings/RecordingStorage';
import type { Settings, TestEmailResult } from './types';
import { useLoad } from './useLoad';
import {
  hasErrors,
  settingsBody,
  settingsDraftOf,
  validateEmail,
  validateSettings,
  type FieldErrors,
  type SettingsDraft,
  type SettingsField,
} from './validation';

/** Public URL, mail server (with a test email) and how long transcripts and log files are kept. */
export function SettingsPage() {
  const { t } = useI18n();
  const [settings, reload, setSettings] = useLoad(() => adminApi.settings(), 'settings');

  return (
    <section class="mc-page" data-testid="mc-settings">
      <PageHeader title={t('admin.settings.title')} intro={t('admin.settings.intro')} />
      {settings.data ? (
        <>
          <SettingsForm settings={settings.data} onSaved={setSettings} />
          <TestEmail settings={settings.data} />
          <RecordingStorage settings={settings.data} onSaved={setSettings} />
          <SignInSettingsForm settings={settings.data} onSaved={setSettings} />
        </>
      ) : (
        <div class="card">
          <LoadState loading={settings.status === 'loading'} error={settings.status === 'error' ? settings.error : undefined} onRetry={reload} />
        </div>
      )}
    </section>
  );
}

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<SettingsDraft>(() => settingsDraftOf(settings));
  const [errors, setErrors] = useState<FieldErrors<SettingsField>>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends SettingsField>(key: K) => (value: SettingsDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => setDraft(settingsDraftOf(settings)), [settings]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateSettings(draft);
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setServerError(null);
    try {
      onSaved(await adminApi.updateSettings(settingsBody(draft, settings)));
      toast(t('admin.settings.saved'));
    } catch (e) {
      setServerError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const source = settings.smtp.source;
  return (
    <form class="mc-settings" onSubmit={submit} noValidate data-testid="settings-form">
      <section class="card mc-card" aria-labelledby="settings-url">
        <header class="card__header">
          <h2 class="card__title" id="settings-url">
            {t('admin.settings.publicUrl')}
          </h2>
        </header>
        <div class="card__body mc-form">
          <Field
            label={t('admin.settings.publicUrlLabel')}
            hint={t('admin.settings.publicUrlHint', { url: settings.effectivePublicUrl })}
            error={errors.publicUrl}
          >
            {(p) => <input {...p} name="publicUrl" type="text" inputMode="url" placeholder="https://support.example.com" value={draft.publicUrl} onInput={onText(set('publicUrl'))} />}
          </Field>
        </div>
      </section>

      <section class="card mc-card" aria-labelledby="settings-smtp">
        <header class="card__header">
          <h2 class="card__title" id="settings-smtp">
            {t('admin.settings.smtp')}
          </h2>
          <span class={`badge ${source === 'outbox' ? 'badge--warning' : 'badge--info'}`} data-testid="smtp-source">
            {source === 'settings'
              ? t('admin.settings.source.settings')
              : source === 'command-line'
                ? t('admin.settings.source.commandLine')
                : t('admin.settings.source.outbox')}
          </span>
        </header>
        <div class="card__body mc-form">
          <Field label={t('admin.settings.smtpUrl')} hint={t('admin.settings.smtpUrlHint')} error={errors.smtpUrl}>
            {(p) => <input {...p} name="smtpUrl" type="text" spellcheck={false} placeholder="smtp://mail.example.com:587?starttls=true" value={draft.smtpUrl} onInput={onText(set('smtpUrl'))} />}
          </Field>
          <Field
            label={t('admin.settings.smtpPassword')}
            hint={settings.smtp.passwordSet ? t('admin.settings.passwordSet') : t('admin.settings.passwordNotSet')}
            error={errors.smtpPassword}
          >
            {(p) => (
              <input
                {...p}
                name="smtpPassword"
                type="password"
                autoComplete="new-password"
                placeholder={settings.smtp.passwordSet ? '••••••••' : ''}
                value={draft.smtpPassword}
                onInput={onText(set('smtpPassword'))}
              />
            )}
          </Field>
          {settings.smtp.passwordSet && (
            <label class="mc-check">
              <input type="checkbox" name="clearPassword" checked={draft.clearPassword} disabled={!!draft.smtpPassword} onChange={(e) => set('clearPassword')((e.currentTarget as HTMLInputElement).checked)} />
              {t('admin.settings.clearPassword')}
            </label>
          )}
          <Field label={t('admin.settings.smtpFrom')} hint={t('admin.settings.smtpFromHint')} error={errors.smtpFrom}>
            {(p) => <input {...p} name="smtpFrom" type="text" placeholder="Tandem <support@example.com>" value={draft.smtpFrom} onInput={onText(set('smtpFrom'))} />}
          </Field>
        </div>
      </section>

      <section class="card mc-card" aria-labelledby="settings-retention">
        <header class="card__header">
          <h2 class="card__title" id="settings-retention">
            {t('admin.settings.retention')}
          </h2>
        </header>
        <div class="card__body mc-form">
          <p class="hint">{t('admin.settings.retentionIntro')}</p>
          <div class="mc-form__grid">
            <Field label={t('admin.settings.transcriptDays')} hint={t('admin.settings.daysHint')} error={errors.transcriptDays}>
              {(p) => <input {...p} name="transcriptDays" type="number" min={1} inputMode="numeric" value={draft.transcriptDays} onInput={onText(set('transcriptDays'))} />}
            </Field>
            <Field label={t('admin.settings.logFileDays')} hint={t('admin.settings.daysHint')} error={errors.logFileDays}>
              {(p) => <input {...p} name="logFileDays" type="number" min={1} inputMode="numeric" value={draft.logFileDays} onInput={onText(set('logFileDays'))} />}
            </Field>
          </div>
        </div>
      </section>

      <section class="card mc-card" aria-labelledby="settings-files">
        <header class="card__header">
          <h2 class="card__title" id="settings-files">
            {t('admin.settings.files')}
          </h2>
        </header>
        <div class="card__body mc-form">
          <p class="hint">{t('admin.settings.filesIntro')}</p>
          <div class="mc-form__grid">
            <Field label={t('admin.settings.maxFileMegabytes')} hint={t('admin.settings.megabytesHint')} error={errors.maxFileMegabytes}>
              {(p) => <input {...p} name="maxFileMegabytes" type="number" min={1} inputMode="numeric" value={draft.maxFileMegabytes} onInput={onText(set('maxFileMegabytes'))} />}
            </Field>
            <Field label={t('admin.settings.maxSessionMegabytes')} hint={t('admin.settings.megabytesHint')} error={errors.maxSessionMegabytes}>
              {(p) => <input {...p} name="maxSessionMegabytes" type="number" min={1} inputMode="numeric" value={draft.maxSessionMegabytes} onInput={onText(set('maxSessionMegabytes'))} />}
            </Field>
          </div>
        </div>
      </section>

      {serverError && (
        <p class="form-error" role="alert" data-testid="form-error">
          {serverError}
        </p>
      )}
      <div class="mc-savebar">
        <button type="button" class="btn btn--secondary" onClick={() => setDraft(settingsDraftOf(settings))} disabled={busy}>
          {t('admin.settings.revert')}
        </button>
        <button type="submit" class="btn btn--primary" data-testid="save-settings" disabled={busy}>
          {busy ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
    </form>
  );
}

function TestEmail({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [to, setTo] = useState('');
  const [error, setError] = useState<ReturnType<typeof validateEmail>>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const send = async (event: Event) => {
    event.preventDefault();
    const found = validateEmail(to);
    setError(found);
    if (found) return;
    setBusy(true);
    setResult(null);
    try {
      const answer: TestEmailResult = await adminApi.testEmail(to.trim());
      // The console's own sentence, in the admin's language; the server's (English) message says the same.
      const text = answer.status === 'outbox' ? t('admin.settings.testOutbox', { to: to.trim() }) : t('admin.settings.testSent', { to: to.trim() });
      setResult({ ok: true, text });
    } catch (e) {
      const smtp = e instanceof ApiError && e.code === ERROR_CODES.SMTP_FAILED.code;
      setResult({ ok: false, text: smtp ? t('admin.settings.testFailed', { reason: e.message }) : errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card mc-card" aria-labelledby="settings-test">
      <header class="card__header">
        <h2 class="card__title" id="settings-test">
          {t('admin.settings.test')}
        </h2>
      </header>
      <form class="card__body mc-form" onSubmit={send} noValidate data-testid="test-email-form">
        <p class="hint">{settings.smtp.source === 'outbox' ? t('admin.settings.testIntroOutbox') : t('admin.settings.testIntro')}</p>
        <div class="mc-inline">
          <Field label={t('admin.settings.testTo')} error={error}>
            {(p) => <input {...p} name="testTo" type="email" placeholder={t('compose.toPlaceholder')} value={to} onInput={onText(setTo)} />}
          </Field>
          <button type="submit" class="btn btn--secondary" data-testid="send-test-email" disabled={busy}>
            {busy ? t('admin.settings.testSending') : t('admin.settings.testSend')}
          </button>
        </div>
        {result && (
          <p class={`callout ${result.ok ? 'callout--success' : 'callout--error'}`} role={result.ok ? 'status' : 'alert'} data-testid="test-email-result">
            {result.text}
          </p>
        )}
      </form>
    </section>
  );
}
