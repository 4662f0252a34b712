/**
 * Reconnect delay for attempt n (0-based): 0.5 s doubling up to 10 s, with jitter so that many
 * clients dropped at once do not all come back in the same instant (docs/protocol.md 1.7).
 * The result lies in [base/2, base], where base = min(10 s, 0.5 s * 2^n).
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
  return Math.round(base / 2 + (random() * base) / 2);
}

/** Timers behind an interface so that the socket clients can be driven by tests. */
export interface Clock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};
