import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useToast } from '../ui/Toast';
import { adminApi } from './adminApi';
import { Field, onText, useErrorText } from './parts';
import type { Settings, SsoSettings, TwoFactorPolicy } from './types';

interface Draft {
  twoFactor: TwoFactorPolicy;
  issuer: string;
  clientId: string;
  clientSecret: string;
  label: string;
  newAccounts: 'match' | 'create';
  groupClaim: string;
  adminGroup: string;
}

function draftOf(settings: Settings): Draft {
  const sso: Partial<SsoSettings> = settings.sso ?? {};
  return {
    twoFactor: settings.twoFactor ?? 'nobody',
    issuer: sso.issuer ?? '',
    clientId: sso.clientId ?? '',
    clientSecret: '',
    label: sso.label ?? '',
    newAccounts: sso.newAccounts ?? 'match',
    groupClaim: sso.groupClaim ?? 'groups',
    adminGroup: sso.adminGroup ?? '',
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/**
 * Sign-in settings: who must use two-factor sign-in, and single sign-on with an OpenID Connect
 * provider (issuer, client id, write-only client secret, button label, new accounts, admin group).
 */
export function SignInSettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  useEffect(() => setDraft(draftOf(settings)), [settings]);

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const sso = {
        issuer: orNull(draft.issuer),
        clientId: orNull(draft.clientId),
        label: orNull(draft.label),
        newAccounts: draft.newAccounts,
        groupClaim: orNull(draft.groupClaim),
        adminGroup: orNull(draft.adminGroup),
        ...(draft.clientSecret ? { clientSecret: draft.clientSecret } : {}),
      };
      const unchangedSso =
        sso.issuer === (settings.sso?.issuer ?? null) && sso.clientId === (settings.sso?.clientId ?? null) && !draft.clientSecret &&
        sso.label === (settings.sso?.label ?? null) && sso.newAccounts === (settings.sso?.newAccounts ?? 'match') &&
        sso.groupClaim === (settings.sso?.groupClaim ?? 'groups') && sso.adminGroup === (settings.sso?.adminGroup ?? null);
      // Only a real change of single sign-on is sent: it asks the administrator to prove it is them again.
      onSaved(await adminApi.updateSignInSettings(unchangedSso ? { twoFactor: draft.twoFactor } : { twoFactor: draft.twoFactor, sso }));
      toast(t('admin.settings.saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const sso = settings.sso;
  return (
    <form class="mc-settings" onSubmit={save} noValidate data-testid="sign-in-settings">
      <section class="card mc-card" aria-labelledby="settings-2fa">
        <header class="card__header">
          <h2 class="card__title" id="settings-2fa">
            {t('admin.signIn.title')}
          </h2>
        </header>
        <div class="card__body mc-form">
          <Field label={t('admin.signIn.twoFactor')} hint={t('admin.signIn.twoFactorHint')}>
            {(p) => (
              <select {...p} name="twoFactor" value={draft.twoFactor} onChange={(e) => set('twoFactor')((e.currentTarget as HTMLSelectElement).value as TwoFactorPolicy)}>
                <option value="nobody">{t('admin.signIn.nobody')}</option>
                <option value="administrators">{t('admin.signIn.administrators')}</option>
                <option value="everyone">{t('admin.signIn.everyone')}</option>
              </select>
            )}
          </Field>
        </div>
      </section>
      <section class="card mc-card" aria-labelledby="settings-sso">
        <header class="card__header">
          <h2 class="card__title" id="settings-sso">
            {t('admin.sso.title')}
          </h2>
          <span class={`badge ${sso?.enabled ? 'badge--success' : 'badge--neutral'}`} data-testid="sso-status">
            {sso?.enabled ? t('account.on') : t('account.off')}
          </span>
        </header>
        <div class="card__body mc-form">
          <p class="hint">{t('admin.sso.intro', { uri: sso?.redirectUri ?? '' })}</p>
          <Field label={t('admin.sso.issuer')} hint={t('admin.sso.issuerHint')}>
            {(p) => <input {...p} name="ssoIssuer" type="text" inputMode="url" spellcheck={false} placeholder="https://login.example.com/realms/support" value={draft.issuer} onInput={onText(set('issuer'))} />}
          </Field>
          <div class="mc-form__grid">
            <Field label={t('admin.sso.clientId')}>
              {(p) => <input {...p} name="ssoClientId" type="text" spellcheck={false} value={draft.clientId} onInput={onText(set('clientId'))} />}
            </Field>
            <Field label={t('admin.sso.clientSecret')} hint={sso?.clientSecretSet ? t('admin.sso.secretSet') : t('admin.sso.secretNotSet')}>
              {(p) => (
                <input {...p} name="ssoClientSecret" type="password" autoComplete="new-password" placeholder={sso?.clientSecretSet ? '••••••••' : ''} value={draft.clientSecret} onInput={onText(set('clientSecret'))} />
              )}
            </Field>
            <Field label={t('admin.sso.label')} hint={t('admin.sso.labelHint')}>
              {(p) => <input {...p} name="ssoLabel" type="text" maxLength={60} placeholder="Keycloak" value={draft.label} onInput={onText(set('label'))} />}
            </Field>
            <Field label={t('admin.sso.newAccounts')}>
              {(p) => (
                <select {...p} name="ssoNewAccounts" value={draft.newAccounts} onChange={(e) => set('newAccounts')((e.currentTarget as HTMLSelectElement).value as 'match' | 'create')}>
                  <option value="match">{t('admin.sso.match')}</option>
                  <option value="create">{t('admin.sso.create')}</option>
                </select>
              )}
            </Field>
            <Field label={t('admin.sso.groupClaim')}>
              {(p) => <input {...p} name="ssoGroupClaim" type="text" spellcheck={false} value={draft.groupClaim} onInput={onText(set('groupClaim'))} />}
            </Field>
            <Field label={t('admin.sso.adminGroup')} hint={t('admin.sso.adminGroupHint')}>
              {(p) => <input {...p} name="ssoAdminGroup" type="text" spellcheck={false} value={draft.adminGroup} onInput={onText(set('adminGroup'))} />}
            </Field>
          </div>
        </div>
      </section>
      {error && (
        <p class="form-error" role="alert" data-testid="sign-in-settings-error">
          {error}
        </p>
      )}
      <div class="mc-savebar">
        <button type="submit" class="btn btn--primary" data-testid="save-sign-in-settings" disabled={busy}>
          {busy ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
    </form>
  );
}
