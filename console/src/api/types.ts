/** Shapes of the REST API (/api/v1) and the console socket (/ws/console), as the console reads them. */

export type Role = 'technician' | 'admin' | string;

export interface User {
  username: string;
  displayName: string | null;
  role: Role;
}

export interface AuthInfo {
  user: User;
  csrfToken: string;
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

export interface SessionCode {
  code: string;
  url: string;
  identifier: string | null;
  portal: string;
  status: CodeStatus;
  expiresAt: string;
  createdAt?: string;
  session?: string | null;
}

export type CapabilityName = 'chat' | 'diagnostics' | 'screen' | 'control';

export interface Device {
  manufacturer: string | null;
  model: string | null;
  androidVersion: string | null;
  apiLevel: number | null;
}

export interface Session {
  id: string;
  code: string;
  identifier: string | null;
  status: 'active' | 'ended';
  customerName: string | null;
  portal: string;
  technician?: string;
  customerConnected: boolean;
  device: Device | null;
  capabilities: Partial<Record<CapabilityName, boolean>>;
  capabilityReasons?: Partial<Record<CapabilityName, string>>;
  startedAt: string;
  endedAt: string | null;
  endedBy?: 'technician' | 'customer' | 'server' | string | null;
}

export type Sender = 'technician' | 'customer' | 'system';

export interface ChatMessage {
  seq: number;
  sender: Sender;
  name: string | null;
  text: string;
  at: string;
}

export type MailStatus = 'queued' | 'sent' | 'failed' | 'outbox';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  status: MailStatus;
  createdAt: string;
  error?: string | null;
}

export interface EmailReceipt {
  id: string;
  status: MailStatus;
}

/** The customer's screen and control, as GET /api/v1/sessions/{id}/screen and the `screen` event show them (docs/protocol.md 2b). */
export interface ScreenState {
  status: 'off' | 'pending' | 'declined' | 'sharing';
  control: boolean;
  /** Absent from older servers; then `control` alone says whether it is granted. */
  controlStatus?: 'off' | 'pending' | 'declined' | 'granted';
  stoppedByCustomer?: boolean;
  viewers?: number;
}

/** Frames pushed by /ws/console (docs/protocol.md, section 2). */
export type ConsoleEvent =
  | { type: 'hello'; user: User }
  | { type: 'session'; session: Session }
  | { type: 'message'; session: string; message: ChatMessage }
  | { type: 'code'; code: SessionCode }
  | { type: 'screen'; session: string; screen: ScreenState }
  | { type: 'ping' };
