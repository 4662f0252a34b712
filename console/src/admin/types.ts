import type { components } from '../api/openapi.gen';
import type { DiagnosticsReport, Session } from '../api/types';

type Schemas = components['schemas'];

/**
 * Shapes of the Management Center's endpoints, each a type generated from the OpenAPI document
 * (src/api/openapi.gen.ts); the diagnostics reports of the history are typed as the phone's format.
 */

/** GET/POST/PUT /api/v1/users (`ManagedUser`). */
export type AdminUser = Schemas['ManagedUser'];

/** GET /api/v1/surveys/summary (`SurveySummary`): the satisfaction surveys per technician and portal. */
export type SurveySummary = Schemas['SurveySummary'];
export type SurveyTally = Schemas['SurveyTally'];

/** GET/POST/PUT /api/v1/portals (`Portal`). */
export type AdminPortal = Schemas['Portal'];

/** The body of POST/PUT /api/v1/portals (`PortalChange`): any subset of a portal's settings. */
export type PortalChange = Schemas['PortalChange'];

/** GET/PUT /api/v1/settings (`Settings`). */
export type Settings = Schemas['Settings'];

export type SmtpSource = Settings['smtp']['source'];

export type TwoFactorPolicy = Settings['twoFactor'];

/** The single sign-on part of the settings; the client secret is write-only. */
export type SsoSettings = Settings['sso'];

/** PUT /api/v1/settings (`SettingsChange`): any subset, the sign-in part too. */
export type SettingsChange = Schemas['SettingsChange'];

/** PUT /api/v1/settings for the sign-in part. */
export type SignInSettingsChange = Pick<SettingsChange, 'twoFactor' | 'sso'>;

/** POST /api/v1/settings/test-email (`TestEmailResult`). */
export type TestEmailResult = Schemas['TestEmailResult'];

/** An audit entry (`AuditEntry` in the OpenAPI document); `detailKey` and `detailParams` let the console word it. */
export type AuditEntry = Schemas['AuditEntry'];

/** GET /api/v1/sessions: the history lists sessions as they are shown everywhere. */
export type HistorySession = Session;

export type PermissionKind = PermissionEvent['kind'];
export type PermissionEventName = PermissionEvent['event'];

/** A permission event of a session's history (`PermissionEvent`). */
export type PermissionEvent = Schemas['PermissionEvent'];

/** A stored diagnostics report of the history (`HistoryReport`), typed as the phone's format; null when unreadable. */
export type HistoryReport = Omit<Schemas['HistoryReport'], 'report'> & { report: DiagnosticsReport | null };

/** A stored log file of the history (`LogFile`, the same shape as live). */
export type HistoryLogFile = Schemas['LogFile'];

/** GET /api/v1/sessions/{id}/history (`SessionHistory`). */
export type SessionHistory = Omit<Schemas['SessionHistory'], 'diagnostics'> & { diagnostics: HistoryReport[] };
