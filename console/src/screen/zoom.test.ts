import { describe, expect, it } from 'vitest';
import { nextZoom } from './zoom';

describe('nextZoom', () => {
  it('steps from whatever the fitted scale is to the next round one', () => {
    expect(nextZoom(0.27, 1)).toBe(0.33);
    expect(nextZoom(0.27, -1)).toBe(0.25);
    expect(nextZoom(1, 1)).toBe(1.25);
    expect(nextZoom(1, -1)).toBe(0.75);
  });

  it('stops at the ends', () => {
    expect(nextZoom(2, 1)).toBe(2);
    expect(nextZoom(0.25, -1)).toBe(0.25);
    expect(nextZoom(0.1, -1)).toBe(0.25);
  });
});
