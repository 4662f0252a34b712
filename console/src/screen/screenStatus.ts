import { ERROR_CODES, POLICY_CLOSE_CODE } from '../api/errorCodes';
import type { ScreenState, Session } from '../api/types';

/**
 * What the Viewer window says about the customer's screen (docs/protocol.md 2b), one word each:
 * pending (the customer is being asked), sharing, declined (refused or not shared), stopped (the
 * customer pressed stop), off (nothing asked, or the viewer was closed), reconnecting (the phone or
 * the viewer socket dropped and comes back by itself), unavailable (a chat-only phone).
 */
export type ViewerStatus = 'pending' | 'sharing' | 'declined' | 'stopped' | 'off' | 'reconnecting' | 'unavailable';

/**
 * The viewer socket's path. In a cluster `?node=` names the node holding the phone, so the load
 * balancer sends the socket there (docs/deployment.md): screen bytes never cross between nodes. A
 * socket that lands elsewhere anyway is closed with 4409 and comes back here with the session's
 * current owner.
 */
export function viewerSocketPath(sessionId: string, ownerNode: string | null | undefined): string {
  const path = `/ws/screen/${encodeURIComponent(sessionId)}`;
  return ownerNode ? `${path}?node=${encodeURIComponent(ownerNode)}` : path;
}

/** What to do after the viewer socket closed. */
export type Retry = 'none' | 'backoff' | 'whenPhoneBack';

export interface CloseOutcome {
  /** The status the close implies, shown until the server's state says otherwise. */
  status: ViewerStatus;
  retry: Retry;
}

/** The viewer socket's close codes (docs/protocol.md section 3) and what the Viewer does about each. */
export function closeOutcome(code: number): CloseOutcome {
  switch (code) {
    case 1000: // the technician stopped viewing (maybe from another tab)
      return { status: 'off', retry: 'none' };
    case ERROR_CODES.SCREEN_UNAVAILABLE.closeCode:
      return { status: 'unavailable', retry: 'none' };
    case ERROR_CODES.SCREEN_NOT_SHARED.closeCode:
      return { status: 'declined', retry: 'none' };
    case ERROR_CODES.SCREEN_STOPPED.closeCode:
      return { status: 'stopped', retry: 'none' };
    case ERROR_CODES.DEVICE_OFFLINE.closeCode: // the phone is reconnecting; the console socket says when it is back
      return { status: 'reconnecting', retry: 'whenPhoneBack' };
    case ERROR_CODES.SESSION_ENDED.closeCode: // session over
    case ERROR_CODES.MALFORMED.closeCode: // protocol error: retrying would fail the same way
    case POLICY_CLOSE_CODE: // not signed in, not ours, or too far behind; the technician can resume by hand
      return { status: 'off', retry: 'none' };
    default: // 1001, 1005, 1006, 1011, 4408, 4409 (another node holds the phone), network trouble: come back with back-off
      return { status: 'reconnecting', retry: 'backoff' };
  }
}

/** Control as a word, from the fuller state when the server sends it, else from the `control` flag. */
export function controlStatus(screen: ScreenState | undefined): 'off' | 'pending' | 'declined' | 'granted' {
  if (!screen) return 'off';
  return screen.controlStatus ?? (screen.control ? 'granted' : 'off');
}

export interface ViewerStatusInput {
  session: Session | undefined;
  /** The server's screen state: GET /screen when the viewer opened, then every `screen` event. */
  screen: ScreenState | undefined;
  /** How the viewer socket last closed, until the next open or the next request. */
  closed: CloseOutcome | null;
}

/**
 * The status the Viewer shows. The server's state is the truth; a close code only speaks where the
 * state has not caught up yet (still `sharing`/`pending` while the socket was already closed with 4032).
 */
export function viewerStatus({ session, screen, closed }: ViewerStatusInput): ViewerStatus {
  if (!session || session.status === 'ended') return 'off';
  if (session.capabilities?.screen !== true) return 'unavailable';
  if (!session.customerConnected) return 'reconnecting';
  const live = screen?.status === 'sharing' || screen?.status === 'pending';
  if (closed && (live || !screen)) return closed.status;
  if (!screen) return 'pending';
  if (screen.stoppedByCustomer && !live) return 'stopped';
  return screen.status;
}

/** Whether the viewer socket should be open for this status (the server accepts it only then). */
export function wantsStream(status: ViewerStatus): boolean {
  return status === 'sharing' || status === 'pending';
}
