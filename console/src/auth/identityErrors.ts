import { ApiError, errorMessage } from '../api/http';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

/** Refusals of the identity calls the console words itself, in the reader's language. */
const KNOWN: Record<string, MessageKey> = {
  invalid_credentials: 'auth.error.credentials',
  otp_required: 'auth.error.otpRequired',
  invalid_otp: 'auth.error.otp',
  too_many_attempts: 'auth.error.tooMany',
  wrong_password: 'auth.error.wrongPassword',
  weak_password: 'auth.error.weakPassword',
  passkey_refused: 'auth.error.passkey',
  passkey_expired: 'auth.error.passkeyExpired',
  passkey_exists: 'auth.error.passkeyExists',
  second_factor_required: 'auth.error.secondFactorRequired',
  enrolment_required: 'auth.error.enrolmentRequired',
};

/** The sign-on refusals in `/?sso_error=CODE`. */
const SSO: Record<string, MessageKey> = {
  sso_off: 'auth.sso.error.off',
  sso_refused: 'auth.sso.error.refused',
  sso_state: 'auth.sso.error.state',
  sso_token: 'auth.sso.error.token',
  sso_unreachable: 'auth.sso.error.unreachable',
  sso_no_account: 'auth.sso.error.noAccount',
  sso_disabled: 'auth.sso.error.disabled',
  sso_ambiguous: 'auth.sso.error.ambiguous',
};

export function identityError(error: unknown, t: Translate): string {
  if (error instanceof ApiError && KNOWN[error.code]) return t(KNOWN[error.code]);
  return errorMessage(error, { network: t('errors.network'), generic: t('errors.generic') });
}

export function ssoError(code: string, t: Translate): string {
  return t(SSO[code] ?? 'auth.sso.error.generic');
}
