import type { ScreenState, Session } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { controlStatus } from './screenStatus';

/**
 * What the screen and control buttons say and do, the same in the Chat window's header and in the
 * Viewer's toolbar, so the two never disagree (one says "Request control" while the other says
 * "Release control").
 */
export interface ScreenButton {
  action: 'view' | 'show' | 'stop' | 'request' | 'release' | 'none';
  label: MessageKey;
  /** Pressed: the thing is on (viewing, controlling). */
  pressed: boolean;
  disabled: boolean;
}

export interface ScreenButtonsInput {
  session: Session;
  screen: ScreenState | undefined;
  /** The Viewer is open, next to the chat or in its own window. */
  viewerOpen: boolean;
  busy: boolean;
}

function usable(session: Session, busy: boolean): boolean {
  return session.status === 'active' && session.customerConnected && !busy;
}

export function screenButton({ session, screen, viewerOpen, busy }: ScreenButtonsInput): ScreenButton {
  const disabled = !usable(session, busy) || session.capabilities?.screen !== true;
  const on = screen?.status === 'sharing' || screen?.status === 'pending';
  if (screen?.status === 'pending' && !viewerOpen) return { action: 'show', label: 'screen.waiting', pressed: false, disabled };
  if (on && viewerOpen) return { action: 'stop', label: 'viewer.stopViewing', pressed: true, disabled: session.status !== 'active' || busy };
  if (on) return { action: 'show', label: 'screen.show', pressed: false, disabled };
  return { action: 'view', label: 'screen.view', pressed: false, disabled };
}

export function controlButton({ session, screen, busy }: ScreenButtonsInput): ScreenButton {
  const available = session.capabilities?.screen === true && session.capabilities?.control === true;
  const disabled = !usable(session, busy) || !available;
  switch (controlStatus(screen)) {
    case 'granted':
      return { action: 'release', label: 'viewer.releaseControl', pressed: true, disabled: session.status !== 'active' || busy };
    case 'pending':
      return { action: 'none', label: 'viewer.controlPending', pressed: false, disabled: true };
    default:
      return { action: 'request', label: 'viewer.requestControl', pressed: false, disabled };
  }
}
