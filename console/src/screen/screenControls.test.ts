import { describe, expect, it } from 'vitest';
import type { ScreenState } from '../api/types';
import { sampleSession } from '../testing/fakes';
import { controlButton, screenButton } from './screenControls';

const session = sampleSession();
const screen = (status: ScreenState['status'], controlStatus: ScreenState['controlStatus'] = 'off'): ScreenState => ({
  status,
  control: controlStatus === 'granted',
  controlStatus,
  stoppedByCustomer: false,
  viewers: 0,
  revision: 1,
  drawings: null,
  recording: 'off',
});

describe('the screen and control buttons, in the chat header and the Viewer alike', () => {
  it('say view, then stop viewing while the Viewer shows the screen', () => {
    expect(screenButton({ session, screen: screen('off'), viewerOpen: false, busy: false })).toMatchObject({ action: 'view', label: 'screen.view', pressed: false });
    expect(screenButton({ session, screen: screen('sharing'), viewerOpen: true, busy: false })).toMatchObject({ action: 'stop', pressed: true });
    expect(screenButton({ session, screen: screen('sharing'), viewerOpen: false, busy: false })).toMatchObject({ action: 'show', label: 'screen.show' });
  });

  it('follow control from request to requested to release', () => {
    expect(controlButton({ session, screen: screen('sharing'), viewerOpen: true, busy: false })).toMatchObject({ action: 'request', label: 'viewer.requestControl' });
    expect(controlButton({ session, screen: screen('sharing', 'pending'), viewerOpen: true, busy: false })).toMatchObject({ label: 'viewer.controlPending', disabled: true });
    expect(controlButton({ session, screen: screen('sharing', 'granted'), viewerOpen: true, busy: false })).toMatchObject({ action: 'release', label: 'viewer.releaseControl', pressed: true });
  });

  it('are disabled while the customer is away or the phone cannot', () => {
    const away = { ...session, customerConnected: false };
    expect(screenButton({ session: away, screen: undefined, viewerOpen: false, busy: false }).disabled).toBe(true);
    const chatOnly = { ...session, capabilities: { chat: true, diagnostics: true, screen: false, control: false } };
    expect(controlButton({ session: chatOnly, screen: undefined, viewerOpen: false, busy: false }).disabled).toBe(true);
  });
});
