import { describe, expect, it } from 'vitest';
import { formatCountdown, groupCode, msUntil } from './codeFormat';

describe('groupCode', () => {
  it('groups nine digits in threes', () => {
    expect(groupCode('123456789')).toBe('123 456 789');
    expect(groupCode('000012345')).toBe('000 012 345');
  });

  it('regroups a code that already has spaces', () => {
    expect(groupCode('123 456789')).toBe('123 456 789');
  });

  it('leaves anything that is not nine digits as it is', () => {
    expect(groupCode('12345')).toBe('12345');
    expect(groupCode('12345678a')).toBe('12345678a');
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds, zero-padded', () => {
    expect(formatCountdown(20 * 60_000)).toBe('20:00');
    expect(formatCountdown(65_000)).toBe('01:05');
    expect(formatCountdown(9_000)).toBe('00:09');
  });

  it('rounds partial seconds up so 00:00 means the time is over', () => {
    expect(formatCountdown(1)).toBe('00:01');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(0)).toBe('00:00');
  });

  it('never goes negative', () => {
    expect(formatCountdown(-5_000)).toBe('00:00');
  });

  it('lets minutes pass 59 for long code lifetimes', () => {
    expect(formatCountdown(90 * 60_000)).toBe('90:00');
  });
});

describe('msUntil', () => {
  it('measures from now to an ISO time', () => {
    const now = Date.parse('2026-11-24T20:00:00Z');
    expect(msUntil('2026-11-24T20:20:00Z', now)).toBe(20 * 60_000);
    expect(msUntil('2026-11-24T19:59:00Z', now)).toBe(-60_000);
    expect(msUntil('not a date', now)).toBe(0);
  });
});

describe('groupCode without a code', () => {
  it('is empty for a session opened from a chat request', () => {
    expect(groupCode(null)).toBe('');
    expect(groupCode(undefined)).toBe('');
  });
});
