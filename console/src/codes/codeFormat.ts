/**
 * "123456789" → "123 456 789", the way the customer reads the code aloud. Other input is only trimmed;
 * no code at all (a session opened from a chat request) is ''.
 */
export function groupCode(code: string | null | undefined): string {
  if (!code) return '';
  const digits = code.replace(/\s+/g, '');
  return /^\d{9}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : code.trim();
}

/**
 * Time left as mm:ss (minutes can exceed 59). Rounds up, so a fresh 20-minute code shows 20:00
 * and "00:00" appears only once the time is really over.
 */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Milliseconds from `now` until the ISO time `iso` (negative once past; 0 if unreadable). */
export function msUntil(iso: string, now: number): number {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? 0 : at - now;
}
