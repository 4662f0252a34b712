import { request } from '../api/http';
import type { components } from '../api/openapi.gen';
import type { AuthInfo } from '../api/types';
import type { CreationOptionsJson, PasskeyFlow, RequestOptionsJson } from './webauthn';

const enc = encodeURIComponent;

export interface SsoInfo {
  enabled: boolean;
  label: string | null;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/** One of the caller's passkeys (`Passkey` in the OpenAPI document). */
export type Passkey = components['schemas']['Passkey'];

export interface ApiToken {
  id: string;
  name?: string;
  scope?: 'read' | 'full';
  username: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  address: string | null;
  userAgent: string | null;
  current: boolean;
}

export interface NewApiToken {
  id: string;
  name: string;
  scope: 'read' | 'full';
  expiresAt: string;
  token: string;
}

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
  confirmTotp: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/auth/totp/confirm', { code }),
  removeTotp: (code: string) => request<void>('DELETE', '/auth/totp', { code }),

  passkeys: () => request<Passkey[]>('GET', '/auth/passkeys'),
  passkeyEnrolmentOptions: () => request<PasskeyFlow<CreationOptionsJson>>('POST', '/auth/passkeys/options'),
  addPasskey: (flow: string, name: string, credential: unknown) => request<Passkey>('POST', '/auth/passkeys', { flow, name, credential }),
  removePasskey: (id: string) => request<void>('DELETE', `/auth/passkeys/${enc(id)}`),

  tokens: () => request<ApiToken[]>('GET', '/tokens'),
  createToken: (name: string, scope: 'read' | 'full', expiresInDays: number) =>
    request<NewApiToken>('POST', '/tokens', { name, scope, expiresInDays }),
  revokeToken: (id: string) => request<void>('DELETE', `/tokens/${enc(id)}`),
  signIns: () => request<ApiToken[]>('GET', '/auth/sessions'),
  revokeSignIn: (id: string) => request<void>('DELETE', `/auth/sessions/${enc(id)}`),
  signOutEverywhere: () => request<void>('DELETE', '/auth/sessions'),
};
