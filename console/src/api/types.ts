/**
 * Shapes of the REST API (/api/v1) and the console socket (/ws/console), as the console reads them.
 * The ones the OpenAPI document describes are taken from the types `npm run api-types` generates from it
 * (src/api/openapi.gen.ts, before every typecheck and build); the rest are still written here.
 */
import type { components } from './openapi.gen';

type Schemas = components['schemas'];

export type Role = 'technician' | 'admin' | string;

/** A user as the console sees them (`User` in the OpenAPI document). */
export type User = Schemas['User'];

export interface AuthInfo {
  user: User;
  csrfToken: string;
  /** The two-factor setting covers this user and they have none yet: they may only enrol one. */
  enrolmentRequired?: boolean;
  secondFactor?: { totp: boolean; recoveryCodesLeft: number; passkeys: number };
}

export interface Portal {
  slug: string;
  name: string;
  language: string;
  askBeforeScreenSharing: boolean;
  askBeforeDiagnostics: boolean;
  allowChatRequests: boolean;
  codeLifetimeMinutes: number;
}

export type CodeStatus = 'waiting' | 'joined' | 'expired' | 'cancelled';

/** A session code (`Code` in the OpenAPI document). */
export type SessionCode = Schemas['Code'];

export type CapabilityName = 'chat' | 'diagnostics' | 'screen' | 'control';

export interface Device {
  manufacturer: string | null;
  model: string | null;
  androidVersion: string | null;
  apiLevel: number | null;
  /** `web` for a customer chatting from a web page (then `model` names the browser). */
  profile?: string | null;
}

/** A session (`SessionSummary` in the OpenAPI document); `code` is null for one opened from a chat request. */
export type Session = Schemas['SessionSummary'];

export type Sender = 'technician' | 'customer' | 'system';

/**
 * A transcript line (`TranscriptEntry` in the OpenAPI document): `text` is the server's wording, and a
 * system line's `key` and `params` let the console word it itself.
 */
export type ChatMessage = Schemas['TranscriptEntry'];

export type MailStatus = 'queued' | 'sent' | 'failed' | 'outbox';

/** A message of the caller's outbox (`Mail` in the OpenAPI document). */
export type OutboxMail = Schemas['Mail'];

export interface EmailReceipt {
  id: string;
  status: MailStatus;
}

/** The customer's screen and control, as GET /api/v1/sessions/{id}/screen and the `screen` event show them (docs/protocol.md 2b). */
export interface ScreenState {
  /** The server numbers these views in the order it took them; an older one is dropped. */
  revision?: number;
  status: 'off' | 'pending' | 'declined' | 'sharing';
  control: boolean;
  /** Absent from older servers; then `control` alone says whether it is granted. */
  controlStatus?: 'off' | 'pending' | 'declined' | 'granted';
  stoppedByCustomer?: boolean;
  viewers?: number;
}

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

/** A finding the server made in a report (`DiagnosticsWarnings`): stable code, report section, English sentence. */
export interface DiagnosticsWarning {
  code: string;
  section: string;
  message: string;
}

export type DiagnosticsStatus = 'none' | 'pending' | 'declined' | 'ready' | 'failed';

/** GET /api/v1/sessions/{id}/diagnostics and the `diagnostics` event (docs/protocol.md 2c). */
export interface DiagnosticsState {
  revision?: number;
  status: DiagnosticsStatus;
  report?: DiagnosticsReport | null;
  collectedAt?: string | null;
  warnings?: DiagnosticsWarning[];
  /** Why collecting failed, when the phone said so (status `failed`). */
  error?: string | null;
}

/** A stored log file, the same shape live and in the history (`LogFile` in the OpenAPI document). */
export type LogFile = Schemas['LogFile'];

export interface RefusedLogFile {
  name: string;
  reason: string;
}

export type LogsStatus = 'none' | 'pending' | 'declined' | 'ready';

/** GET /api/v1/sessions/{id}/logs and the `logs` event (docs/protocol.md 2c). */
export interface LogsState {
  revision?: number;
  status: LogsStatus;
  files: LogFile[];
  refused: RefusedLogFile[];
}

/** POST /api/v1/sessions/{id}/logs/email. */
export interface LogsEmail {
  to: string;
  subject?: string;
  message?: string;
  files?: string[];
}

/** Frames pushed by /ws/console (docs/protocol.md, section 2). */
export type ConsoleEvent =
  | { type: 'hello'; user: User }
  | { type: 'session'; session: Session }
  | { type: 'message'; session: string; message: ChatMessage }
  | { type: 'code'; code: SessionCode }
  | { type: 'screen'; session: string; screen: ScreenState }
  | { type: 'diagnostics'; session: string; diagnostics: DiagnosticsState }
  | { type: 'logs'; session: string; logs: LogsState }
  | { type: 'outbox'; mail: { id: string; status: MailStatus } }
  | { type: 'ping' };
