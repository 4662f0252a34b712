import type { AuthInfo } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from '../ui/Brand';
import { PasskeySetup } from './PasskeySetup';
import { TotpSetup } from './TotpSetup';

/**
 * What a user sees when the administrator requires two-factor sign-in and they have none yet:
 * set up an authenticator app or a passkey, or sign out. Nothing else is reachable until then.
 */
export function EnrolmentPage({ auth, onEnrolled, onSignOut }: { auth: AuthInfo; onEnrolled: () => void; onSignOut: () => void }) {
  const { t } = useI18n();
  return (
    <div class="signin enrolment" data-testid="enrolment">
      <div class="signin__lang">
        <LanguageSwitch />
      </div>
      <div class="signin__card enrolment__card">
        <Brand />
        <h1 class="signin__title">{t('enrol.title')}</h1>
        <p class="signin__subtitle">{t('enrol.intro', { name: auth.user.displayName || auth.user.username })}</p>
        <section class="card mc-card">
          <header class="card__header">
            <h2 class="card__title">{t('account.totp.title')}</h2>
          </header>
          <div class="card__body">
            <TotpSetup onDone={onEnrolled} />
          </div>
        </section>
        <section class="card mc-card">
          <header class="card__header">
            <h2 class="card__title">{t('account.passkeys.title')}</h2>
          </header>
          <div class="card__body">
            <p class="hint">{t('account.passkeys.intro')}</p>
            <PasskeySetup onAdded={onEnrolled} />
          </div>
        </section>
        <button type="button" class="btn btn--secondary btn--block" onClick={onSignOut} data-testid="enrol-sign-out">
          {t('auth.signOut')}
        </button>
      </div>
    </div>
  );
}
