import { request } from './http';
import type {
  AppInvite,
  AuthInfo,
  ChatMessage,
  DiagnosticsState,
  EmailReceipt,
  LogsEmail,
  LogsState,
  OutboxMail,
  Portal,
  ScreenState,
  DrawingSent,
  Session,
  SessionCode,
} from './types';

const enc = encodeURIComponent;

/** The console's REST calls, one function per endpoint. */
export const api = {
  login: (username: string, password: string) =>
    request<AuthInfo>('POST', '/auth/login', { username, password }),
  me: () => request<AuthInfo>('GET', '/auth/me'),
  logout: () => request<void>('POST', '/auth/logout'),

  portals: () => request<Portal[]>('GET', '/portals'),

  codes: () => request<SessionCode[]>('GET', '/codes'),
  createCode: (identifier: string | undefined, portal: string | undefined) =>
    request<SessionCode>('POST', '/codes', { identifier, portal }),
  cancelCode: (code: string) => request<void>('DELETE', `/codes/${enc(code)}`),
  emailCode: (code: string, to: string) => request<EmailReceipt>('POST', `/codes/${enc(code)}/email`, { to }),

  sessions: (status: 'active' | 'ended') => request<Session[]>('GET', `/sessions?status=${status}`),
  session: (id: string) => request<Session>('GET', `/sessions/${enc(id)}`),
  messages: (id: string) => request<ChatMessage[]>('GET', `/sessions/${enc(id)}/messages`),
  /** With `key` (Idempotency-Key) a retry of the same message is stored once, whichever node it reaches. */
  sendMessage: (id: string, text: string, key?: string) =>
    request<ChatMessage>('POST', `/sessions/${enc(id)}/messages`, { text }, key ? { 'Idempotency-Key': key } : undefined),
  endSession: (id: string) => request<Session>('POST', `/sessions/${enc(id)}/end`),

  screen: (id: string) => request<ScreenState>('GET', `/sessions/${enc(id)}/screen`),
  /** Asks for the screen; with control, for control too. `false` while control is granted releases it. */
  requestScreen: (id: string, control: boolean) => request<ScreenState>('POST', `/sessions/${enc(id)}/screen`, { control }),
  stopViewing: (id: string) => request<ScreenState>('DELETE', `/sessions/${enc(id)}/screen`),
  /** A laser-pointer position or a pen stroke on the customer's screen, in the phone's pixels (issue 18.7). */
  draw: (id: string, kind: 'pointer' | 'stroke', points: [number, number][]) =>
    request<DrawingSent>('POST', `/sessions/${enc(id)}/drawings`, { kind, points }),

  diagnostics: (id: string) => request<DiagnosticsState>('GET', `/sessions/${enc(id)}/diagnostics`),
  /** Asks the customer to share device information (the portal decides whether they are asked). */
  /** Sends a chat-only customer a link that continues this session in the app (issue 18.1). */
  inviteToApp: (id: string) => request<AppInvite>('POST', `/sessions/${enc(id)}/app-invite`),
  requestDiagnostics: (id: string) => request<DiagnosticsState>('POST', `/sessions/${enc(id)}/diagnostics`),
  logs: (id: string) => request<LogsState>('GET', `/sessions/${enc(id)}/logs`),
  /** Asks the customer's phone for its log files; the customer is always asked. */
  requestLogs: (id: string) => request<LogsState>('POST', `/sessions/${enc(id)}/logs`),
  emailLogs: (id: string, mail: LogsEmail) => request<EmailReceipt>('POST', `/sessions/${enc(id)}/logs/email`, mail),
  logFileUrl: (id: string, fileId: string) => `/api/v1/sessions/${enc(id)}/logs/${enc(fileId)}`,

  outbox: () => request<OutboxMail[]>('GET', '/outbox'),
  emlUrl: (id: string) => `/api/v1/outbox/${enc(id)}/eml`,
};
