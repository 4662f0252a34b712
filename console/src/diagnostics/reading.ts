import type { Reading } from '../api/types';

/** The reason the Java reader gives a reading the sender left out; the console says the same. */
export const NOT_IN_REPORT = 'not in the report';

/** A Reading as the window uses it: a value, or the phone's reason why there is none. */
export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * Reads a Reading leniently: `{"value":…}` is available, `{"unavailable":"…"}` is not, and anything
 * else (absent, null, an empty object, a bare value from a sloppy peer) is unavailable "not in the report".
 */
export function read<T>(reading: Reading<T> | null | undefined): Read<T> {
  if (reading && typeof reading === 'object') {
    if (reading.value !== undefined && reading.value !== null) return { ok: true, value: reading.value };
    if (typeof reading.unavailable === 'string' && reading.unavailable.trim()) return { ok: false, reason: reading.unavailable };
  }
  return { ok: false, reason: NOT_IN_REPORT };
}

/** The value of a reading, or undefined when unavailable. */
export function valueOf<T>(reading: Reading<T> | null | undefined): T | undefined {
  const r = read(reading);
  return r.ok ? r.value : undefined;
}
