import { describe, expect, it } from 'vitest';
import { formatElapsed } from './elapsed';

describe('formatElapsed', () => {
  it('counts minutes and seconds, then hours', () => {
    expect(formatElapsed(42_000)).toBe('0:42');
    expect(formatElapsed(12 * 60_000 + 5_000)).toBe('12:05');
    expect(formatElapsed(3_727_000)).toBe('1:02:07');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});
