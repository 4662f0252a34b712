import { describe, expect, it } from 'vitest';
import type { ScreenState } from '../api/types';
import { sampleSession } from '../testing/fakes';
import { closeOutcome, controlStatus, viewerSocketPath, viewerStatus, wantsStream } from './screenStatus';

const session = sampleSession;

const screen = (status: ScreenState['status'], extra: Partial<ScreenState> = {}): ScreenState => ({
  status,
  control: false,
  controlStatus: 'off',
  stoppedByCustomer: false,
  viewers: 0,
  revision: 1,
  drawings: null,
  recording: 'off',
  ...extra,
});

describe('viewerSocketPath', () => {
  it('names the node holding the phone, so the load balancer sends the socket there', () => {
    expect(viewerSocketPath('s 1', 'node-a')).toBe('/ws/screen/s%201?node=node-a');
    expect(viewerSocketPath('s1', null)).toBe('/ws/screen/s1');
    expect(viewerSocketPath('s1', undefined)).toBe('/ws/screen/s1');
  });

  it('reconnects after a viewer reached a node without the phone', () => {
    expect(closeOutcome(4409)).toEqual({ status: 'reconnecting', retry: 'backoff' });
  });
});

describe('closeOutcome', () => {
  it('maps the viewer socket close codes to a status and a retry rule', () => {
    expect(closeOutcome(4032)).toEqual({ status: 'stopped', retry: 'none' });
    expect(closeOutcome(4031)).toEqual({ status: 'declined', retry: 'none' });
    expect(closeOutcome(4030)).toEqual({ status: 'unavailable', retry: 'none' });
    expect(closeOutcome(4033)).toEqual({ status: 'reconnecting', retry: 'whenPhoneBack' });
    expect(closeOutcome(1000)).toEqual({ status: 'off', retry: 'none' });
    expect(closeOutcome(4013)).toEqual({ status: 'off', retry: 'none' });
    expect(closeOutcome(1008)).toEqual({ status: 'off', retry: 'none' });
    expect(closeOutcome(4000)).toEqual({ status: 'off', retry: 'none' });
  });

  it('retries dropped connections with back-off', () => {
    for (const code of [1001, 1005, 1006, 1011, 4408]) {
      expect(closeOutcome(code)).toEqual({ status: 'reconnecting', retry: 'backoff' });
    }
  });
});

describe('viewerStatus', () => {
  it('follows the server state of the screen', () => {
    for (const status of ['off', 'pending', 'declined', 'sharing'] as const) {
      expect(viewerStatus({ session: session(), screen: screen(status), closed: null })).toBe(status);
    }
  });

  it('says stopped when the customer stopped sharing', () => {
    expect(viewerStatus({ session: session(), screen: screen('off', { stoppedByCustomer: true }), closed: null })).toBe('stopped');
    // Asked again after a stop: the new request wins.
    expect(viewerStatus({ session: session(), screen: screen('pending', { stoppedByCustomer: true }), closed: null })).toBe('pending');
  });

  it('lets a close code speak while the server state still says sharing', () => {
    const sharing = screen('sharing');
    expect(viewerStatus({ session: session(), screen: sharing, closed: closeOutcome(4032) })).toBe('stopped');
    expect(viewerStatus({ session: session(), screen: sharing, closed: closeOutcome(4031) })).toBe('declined');
    expect(viewerStatus({ session: session(), screen: sharing, closed: closeOutcome(1006) })).toBe('reconnecting');
    expect(viewerStatus({ session: session(), screen: sharing, closed: closeOutcome(1000) })).toBe('off');
    expect(viewerStatus({ session: session(), screen: undefined, closed: closeOutcome(4032) })).toBe('stopped');
  });

  it('lets the server state win over a close code once it has moved on', () => {
    expect(viewerStatus({ session: session(), screen: screen('declined'), closed: closeOutcome(1006) })).toBe('declined');
    expect(viewerStatus({ session: session(), screen: screen('off', { stoppedByCustomer: true }), closed: closeOutcome(1000) })).toBe(
      'stopped',
    );
  });

  it('is unavailable on a chat-only phone, reconnecting while the phone is away, off once the session ended', () => {
    const chatOnly = session({ capabilities: { chat: true, diagnostics: true, screen: false, control: false } });
    expect(viewerStatus({ session: chatOnly, screen: screen('off'), closed: null })).toBe('unavailable');
    expect(viewerStatus({ session: session({ customerConnected: false }), screen: screen('sharing'), closed: null })).toBe('reconnecting');
    expect(viewerStatus({ session: session({ status: 'ended' }), screen: screen('sharing'), closed: null })).toBe('off');
    expect(viewerStatus({ session: undefined, screen: undefined, closed: null })).toBe('off');
  });

  it('waits (pending) until the first state arrives', () => {
    expect(viewerStatus({ session: session(), screen: undefined, closed: null })).toBe('pending');
  });
});

describe('wantsStream', () => {
  it('opens the viewer socket only while the screen is shared or being asked for', () => {
    expect((['pending', 'sharing', 'declined', 'stopped', 'off', 'reconnecting', 'unavailable'] as const).filter(wantsStream)).toEqual([
      'pending',
      'sharing',
    ]);
  });
});

describe('controlStatus', () => {
  it('reads controlStatus, else falls back to the control flag of a shorter answer', () => {
    expect(controlStatus(screen('sharing', { control: true, controlStatus: 'granted' }))).toBe('granted');
    expect(controlStatus(screen('sharing', { controlStatus: 'pending' }))).toBe('pending');
    // An older server's answer, without controlStatus (and the fields added with it).
    expect(controlStatus({ status: 'sharing', control: true } as ScreenState)).toBe('granted');
    expect(controlStatus({ status: 'sharing', control: false } as ScreenState)).toBe('off');
    expect(controlStatus(undefined)).toBe('off');
  });
});
