/**
 * The idempotency key of each message the technician sends (README, "The REST API"): a new key for
 * each new message, and the same key when the same text is sent again after the last attempt failed
 * (a 503 `node_unreachable` says retrying is safe), so the server stores it once even when the first
 * attempt was stored but its answer was lost.
 */
export class MessageKeys {
  private readonly pending = new Map<string, { text: string; key: string }>();

  constructor(private readonly newKey: () => string = randomKey) {}

  /** The key for sending `text` in `session` now. */
  keyFor(session: string, text: string): string {
    const last = this.pending.get(session);
    const key = last && last.text === text ? last.key : this.newKey();
    this.pending.set(session, { text, key });
    return key;
  }

  /** The message was stored: its key is not reused. */
  sent(session: string): void {
    this.pending.delete(session);
  }
}

/** 128 random bits as hex: `crypto.getRandomValues` works on plain http too, where `randomUUID` does not. */
function randomKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
