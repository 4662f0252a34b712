import type { components } from '../api/openapi.gen';
import type { ChatMessage, DiagnosticsReport, DiagnosticsWarning, Portal, Role, Session } from '../api/types';

/** Shapes of the Management Center's endpoints (issue 5 plan), as the console reads them. */

/** GET/POST/PUT /api/v1/users. */
export interface AdminUser {
  username: string;
  displayName: string | null;
  role: Role;
  enabled: boolean;
  email?: string | null;
  secondFactor?: { totp: boolean; passkeys: number };
}

/** GET/POST/PUT /api/v1/portals, with the fields the REQUESTS part adds (absent from older servers). */
export interface AdminPortal extends Portal {
  maxLiveCodes?: number;
  welcomeText?: string | null;
  brandColor?: string | null;
  requestTimeoutMinutes?: number | null;
}

export type SmtpSource = 'settings' | 'command-line' | 'outbox';

/** GET/PUT /api/v1/settings. */
export interface Settings {
  publicUrl: string | null;
  effectivePublicUrl: string;
  smtp: { url: string | null; passwordSet: boolean; from: string | null; source: SmtpSource | string };
  retention: { transcriptDays: number | null; logFileDays: number | null };
  twoFactor?: TwoFactorPolicy;
  sso?: SsoSettings;
}

export type TwoFactorPolicy = 'nobody' | 'administrators' | 'everyone';

/** The single sign-on part of the settings; the client secret is write-only. */
export interface SsoSettings {
  issuer: string | null;
  clientId: string | null;
  clientSecretSet: boolean;
  label: string | null;
  newAccounts: 'match' | 'create';
  groupClaim: string | null;
  adminGroup: string | null;
  enabled: boolean;
  redirectUri: string;
}

/** PUT /api/v1/settings for the sign-in part. */
export interface SignInSettingsChange {
  twoFactor?: TwoFactorPolicy;
  sso?: {
    issuer: string | null;
    clientId: string | null;
    clientSecret?: string;
    label: string | null;
    newAccounts: 'match' | 'create';
    groupClaim: string | null;
    adminGroup: string | null;
  } | null;
}

/** PUT /api/v1/settings: any subset. */
export interface SettingsChange {
  publicUrl?: string | null;
  smtp?: { url?: string | null; password?: string; from?: string | null };
  retention?: { transcriptDays: number | null; logFileDays: number | null };
}

/** POST /api/v1/settings/test-email. */
export interface TestEmailResult {
  status: 'sent' | 'outbox' | string;
  message: string;
}

/** GET /api/v1/audit. */
/** An audit entry (`AuditEntry` in the OpenAPI document); `detailKey` and `detailParams` let the console word it. */
export type AuditEntry = components['schemas']['AuditEntry'];

/** GET /api/v1/sessions with the history fields of issue 5. */
export interface HistorySession extends Omit<Session, 'technician' | 'durationSeconds'> {
  technician?: { username: string; displayName: string | null } | string;
  durationSeconds?: number | null;
}

export type PermissionKind = 'screen' | 'control' | 'diagnostics' | 'logs' | string;
export type PermissionEventName = 'asked' | 'granted' | 'refused' | 'stopped' | 'released' | string;

export interface PermissionEvent {
  at: string;
  kind: PermissionKind;
  event: PermissionEventName;
  actor: string | null;
}

export interface HistoryReport {
  id: string;
  collectedAt: string | null;
  report: DiagnosticsReport;
  warnings?: DiagnosticsWarning[];
}

export interface HistoryLogFile {
  id: string;
  name: string;
  size: number;
  url?: string | null;
  storedAt?: string | null;
}

/** GET /api/v1/sessions/{id}/history. */
export interface SessionHistory {
  session: HistorySession;
  transcript: ChatMessage[];
  permissions: PermissionEvent[];
  diagnostics: HistoryReport[];
  logFiles: HistoryLogFile[];
  retention: { transcriptRemoved: boolean; logFilesRemoved: boolean };
}
