/**
 * Shapes of the REST API (/api/v1) and the console socket (/ws/console), as the console reads them.
 * Every view is taken from the types `npm run api-types` generates from the OpenAPI document
 * (src/api/openapi.gen.ts, before every typecheck and build), which OpenApiContractTest checks against
 * the server's view records. Written here: the diagnostics report (the phone's own format, see below),
 * the socket's frame envelopes (not REST, so not in the document) and names for the enums the views use.
 */
import type { components } from './openapi.gen';

type Schemas = components['schemas'];

export type Role = Schemas['User']['role'];

/** A user as the console sees them (`User` in the OpenAPI document). */
export type User = Schemas['User'];

/** "Invite to the app" was sent (issue 18.1): the customer's link and when it stops working. */
export type AppInvite = Schemas['AppInvite'];

/**
 * Who is signed in (`AuthInfo`): `enrolmentRequired` when the two-factor setting covers this user and
 * they have none yet (they may only enrol one); `csrfToken` is null with a bearer token.
 */
export type AuthInfo = Schemas['AuthInfo'];

/** A portal's settings (`Portal` in the OpenAPI document). */
export type Portal = Schemas['Portal'];

export type CodeStatus = Schemas['Code']['status'];

/** A session code (`Code` in the OpenAPI document). */
export type SessionCode = Schemas['Code'];

export type CapabilityName = keyof Schemas['SessionSummary']['capabilities'];

/** The customer's phone; `profile` is `web` for a customer chatting from a web page (then `model` names the browser). */
export type Device = Schemas['SessionSummary']['device'];

/** A session (`SessionSummary` in the OpenAPI document); `code` is null for one opened from a chat request. */
export type Session = Schemas['SessionSummary'];

export type Sender = Schemas['TranscriptEntry']['sender'];

/**
 * A transcript line (`TranscriptEntry` in the OpenAPI document): `text` is the server's wording, and a
 * system line's `key` and `params` let the console word it itself.
 */
export type ChatMessage = Schemas['TranscriptEntry'];

export type MailStatus = Schemas['Mail']['status'];

/** A message of the caller's outbox (`Mail` in the OpenAPI document). */
export type OutboxMail = Schemas['Mail'];

/** A mail that was queued or changed status (`MailReceipt`): the answer of the routes that send mail, and the `outbox` event. */
export type EmailReceipt = Schemas['MailReceipt'];

/**
 * The customer's screen and control, as GET /api/v1/sessions/{id}/screen and the `screen` event show
 * them (`Screen`, docs/protocol.md 2b). The server numbers these views (`revision`) in the order it took
 * them; an older one is dropped.
 */
export type ScreenState = Schemas['Screen'];
/** What POST /sessions/{id}/drawings passed on to the phone (issue 18.7). */
export type DrawingSent = Schemas['DrawingSent'];

/*
 * The diagnostics report is the phone's own format (DiagnosticsReport v1, module `protocol`,
 * docs/protocol.md 1.10), which the server passes through as the phone sent it; the OpenAPI document
 * only says `object` for it. Its types are written here after the Java classes of `protocol`.
 */

/**
 * One value of a diagnostics report, or why the phone could not give it (docs/protocol.md 1.10; the
 * Java `Reading`). Whole sections use the same holder. A reading missing from the JSON is treated as
 * unavailable "not in the report", as the server's reader does.
 */
export type Reading<T> = { value: T; unavailable?: undefined } | { value?: undefined; unavailable: string };

export interface DeviceSection {
  manufacturer?: string | null;
  model?: string | null;
  androidVersion?: string | null;
  apiLevel?: number;
  securityPatch?: Reading<string>;
  build?: Reading<string>;
  uptimeSeconds?: number;
}

export interface BatterySection {
  levelPercent?: Reading<number>;
  charging?: boolean;
  source?: 'ac' | 'usb' | 'wireless' | 'none' | string;
  health?: Reading<string>;
  temperatureCelsius?: Reading<number>;
  voltageMillivolts?: Reading<number>;
}

export interface Volume {
  totalBytes: number;
  freeBytes: number;
}

export interface StorageSection {
  internal?: Volume | null;
  external?: Reading<Volume>;
}

export interface MemorySection {
  totalBytes?: number;
  availableBytes?: number;
  lowMemory?: boolean;
}

export interface CpuSection {
  abis?: string[];
  cores?: number;
}

export interface DisplaySection {
  widthPx?: number;
  heightPx?: number;
  densityDpi?: number;
  refreshRateHz?: Reading<number>;
}

export interface NetworkSection {
  kind?: 'wifi' | 'cellular' | 'ethernet' | 'none' | string;
  wifiSignalDbm?: Reading<number>;
  wifiLinkMbps?: Reading<number>;
  operator?: Reading<string>;
  cellularType?: Reading<string>;
  addresses?: string[];
  vpn?: boolean;
}

export interface LocaleSection {
  languageTag?: string | null;
  timeZone?: string | null;
}

export interface InstalledApp {
  name?: string | null;
  package?: string | null;
  version?: Reading<string>;
}

export interface AppsSection {
  apps?: InstalledApp[];
  totalCount?: number;
  truncated?: boolean;
}

export interface Grant {
  granted: boolean;
  reason?: string | null;
}

export interface PermissionsSection {
  screenCapture?: Reading<Grant>;
  accessibility?: Reading<Grant>;
}

/** DiagnosticsReport v1 (module `protocol`, package `diagnostics`): what the phone collected at one moment. */
export interface DiagnosticsReport {
  version: number;
  collectedAt?: string;
  device?: Reading<DeviceSection>;
  battery?: Reading<BatterySection>;
  storage?: Reading<StorageSection>;
  memory?: Reading<MemorySection>;
  cpu?: Reading<CpuSection>;
  display?: Reading<DisplaySection>;
  network?: Reading<NetworkSection>;
  locale?: Reading<LocaleSection>;
  installedApps?: Reading<AppsSection>;
  permissions?: Reading<PermissionsSection>;
}

/** A finding the server made in a report (`DiagnosticsWarning`): stable code, report section, English sentence. */
export type DiagnosticsWarning = Schemas['DiagnosticsWarning'];

export type DiagnosticsStatus = Schemas['Diagnostics']['status'];

/**
 * GET /api/v1/sessions/{id}/diagnostics and the `diagnostics` event (`Diagnostics`, docs/protocol.md 2c),
 * with the report typed as the phone's format; `error` says why collecting failed (status `failed`).
 */
export type DiagnosticsState = Omit<Schemas['Diagnostics'], 'report'> & { report?: DiagnosticsReport };

/** A stored log file, the same shape live and in the history (`LogFile` in the OpenAPI document). */
export type LogFile = Schemas['LogFile'];

export type RefusedLogFile = Schemas['RefusedLogFile'];

export type LogsStatus = Schemas['LogsState']['status'];

/** GET /api/v1/sessions/{id}/logs and the `logs` event (`LogsState`, docs/protocol.md 2c). */
export type LogsState = Schemas['LogsState'];

/** POST /api/v1/sessions/{id}/logs/email. */
export type LogsEmail = Schemas['LogsEmail'];

/** A canned reply (`CannedReply`): shared by a portal (`scope` portal) or the technician's own (`personal`). */
export type CannedReply = Schemas['CannedReply'];

/** A private note on a session (`SessionNote`): technicians only, never the customer. */
export type SessionNote = Schemas['SessionNote'];

/** A file of a session, either way (`SessionFile`, docs/files.md). */
export type SessionFile = Schemas['SessionFile'];
export type SessionFiles = Schemas['SessionFiles'];

/**
 * Frames pushed by /ws/console (docs/protocol.md, section 2). The envelopes are the socket's, not REST,
 * so they are written here; what they carry is each a view of the OpenAPI document.
 */
export type ConsoleEvent =
  | { type: 'hello'; user: Schemas['ConsoleUser'] }
  | { type: 'session'; session: Session }
  | { type: 'message'; session: string; message: ChatMessage }
  | { type: 'code'; code: SessionCode }
  | { type: 'screen'; session: string; screen: ScreenState }
  | { type: 'diagnostics'; session: string; diagnostics: DiagnosticsState }
  | { type: 'logs'; session: string; logs: LogsState }
  | { type: 'outbox'; mail: EmailReceipt }
  | { type: 'note'; session: string; note: SessionNote }
  | { type: 'replies'; scope: 'portal' | 'personal'; portal?: string }
  | { type: 'files'; session: string; files: SessionFile[] }
  | { type: 'ping' };
