import { describe, expect, it } from 'vitest';
import { screenshotName } from './screenshot';
import { SOFT_KEYS } from './softKeys';

describe('SOFT_KEYS', () => {
  it('sends the keysyms the phone maps to Back, Home and Recents', () => {
    expect(SOFT_KEYS.map((k) => [k.id, k.keysym.toString(16)])).toEqual([
      ['back', '1008ff26'],
      ['home', 'ff50'],
      ['recents', 'ff67'],
    ]);
  });
});

describe('screenshotName', () => {
  it('is tandem-<session>-<UTC time>.png, safe as a file name', () => {
    expect(screenshotName('s_abc123', new Date('2026-11-24T20:05:09.123Z'))).toBe('tandem-s_abc123-20261124T200509Z.png');
    expect(screenshotName('s/../x:y', new Date('2026-11-24T20:05:09Z'))).toBe('tandem-s____x_y-20261124T200509Z.png');
  });
});
