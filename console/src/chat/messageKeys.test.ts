import { describe, expect, it } from 'vitest';
import { MessageKeys } from './messageKeys';

describe('MessageKeys', () => {
  it('sends a retried message with the key of its failed attempt, and a new message with a new key', () => {
    let n = 0;
    const keys = new MessageKeys(() => `k${++n}`);
    expect(keys.keyFor('s1', 'hola')).toBe('k1');
    expect(keys.keyFor('s1', 'hola')).toBe('k1'); // the first attempt failed: same message, same key
    keys.sent('s1');
    expect(keys.keyFor('s1', 'hola')).toBe('k2'); // sent before: the same words again are a new message
    expect(keys.keyFor('s1', 'otra cosa')).toBe('k3');
    expect(keys.keyFor('s2', 'otra cosa')).toBe('k4'); // each session its own
  });

  it('makes keys the server takes: 32 hex characters', () => {
    expect(new MessageKeys().keyFor('s1', 'hola')).toMatch(/^[0-9a-f]{32}$/);
  });
});
