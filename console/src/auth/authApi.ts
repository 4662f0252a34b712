import { request } from '../api/http';
import type { components } from '../api/openapi.gen';
import type { AuthInfo } from '../api/types';
import type { CreationOptionsJson, PasskeyFlow, RequestOptionsJson } from './webauthn';

const enc = encodeURIComponent;

type Schemas = components['schemas'];

/** Whether single sign-on is offered, and its button's label (`SsoStatus`). */
export type SsoInfo = Schemas['SsoStatus'];

/** An authenticator app being enrolled (`TotpEnrolment`). */
export type TotpEnrolment = Schemas['TotpEnrolment'];

/** One of the caller's passkeys (`Passkey` in the OpenAPI document). */
export type Passkey = Schemas['Passkey'];

/** An API token (`Token`), never its secret. */
export type ApiToken = Schemas['Token'];

/** A console sign-in (`ConsoleSignIn`): a token's fields without name and scope. */
export type ConsoleSignIn = Schemas['ConsoleSignIn'];

/** A new API token (`IssuedToken`): the only time its secret is shown. */
export type NewApiToken = Schemas['IssuedToken'];

/** Sign-in, second factors, passkeys, tokens and sign-ins: the identity calls of the console. */
export const authApi = {
  login: (username: string, password: string, otp?: string) =>
    request<AuthInfo>('POST', '/auth/login', otp ? { username, password, otp } : { username, password }),
  sso: () => request<SsoInfo>('GET', '/auth/sso'),
  ssoStartUrl: '/api/v1/auth/sso/start',
  passkeySignInOptions: () => request<PasskeyFlow<RequestOptionsJson>>('POST', '/auth/passkey/options'),
  passkeySignIn: (flow: string, credential: unknown) => request<AuthInfo>('POST', '/auth/passkey/login', { flow, credential }),

  changePassword: (current: string, next: string) => request<void>('PUT', '/auth/password', { current, new: next }),
  reauthenticate: (proof: { password?: string; otp?: string; passkey?: { flow: string; credential: unknown } }) =>
    request<void>('POST', '/auth/reauth', proof),
  reauthenticationOptions: () => request<PasskeyFlow<RequestOptionsJson>>('POST', '/auth/reauth/options'),

  beginTotp: () => request<TotpEnrolment>('POST', '/auth/totp'),
  confirmTotp: (code: string) => request<Schemas['RecoveryCodes']>('POST', '/auth/totp/confirm', { code }),
  removeTotp: (code: string) => request<void>('DELETE', '/auth/totp', { code }),

  passkeys: () => request<Passkey[]>('GET', '/auth/passkeys'),
  passkeyEnrolmentOptions: () => request<PasskeyFlow<CreationOptionsJson>>('POST', '/auth/passkeys/options'),
  addPasskey: (flow: string, name: string, credential: unknown) => request<Passkey>('POST', '/auth/passkeys', { flow, name, credential }),
  removePasskey: (id: string) => request<void>('DELETE', `/auth/passkeys/${enc(id)}`),

  tokens: () => request<ApiToken[]>('GET', '/tokens'),
  createToken: (name: string, scope: 'read' | 'full', expiresInDays: number) =>
    request<NewApiToken>('POST', '/tokens', { name, scope, expiresInDays }),
  revokeToken: (id: string) => request<void>('DELETE', `/tokens/${enc(id)}`),
  signIns: () => request<ConsoleSignIn[]>('GET', '/auth/sessions'),
  revokeSignIn: (id: string) => request<void>('DELETE', `/auth/sessions/${enc(id)}`),
  signOutEverywhere: () => request<void>('DELETE', '/auth/sessions'),
};
