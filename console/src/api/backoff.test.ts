import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { sameOriginSocketUrl } from './socketLike';

describe('backoffDelay', () => {
  it('starts at 0.5 s, doubles, and stops growing at 10 s', () => {
    const max = () => 1;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n, max))).toEqual([
      500, 1000, 2000, 4000, 8000, 10000, 10000, 10000,
    ]);
  });

  it('jitters between half and all of the step', () => {
    expect(backoffDelay(3, () => 0)).toBe(2000);
    expect(backoffDelay(3, () => 0.5)).toBe(3000);
  });
});

describe('sameOriginSocketUrl', () => {
  it('uses ws: on http and wss: on https', () => {
    expect(sameOriginSocketUrl('/ws/agent', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/agent');
    expect(sameOriginSocketUrl('/ws/console', { protocol: 'https:', host: 'help.example.com' })).toBe(
      'wss://help.example.com/ws/console',
    );
  });
});
