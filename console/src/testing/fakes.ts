import type { Clock } from '../api/backoff';
import type { LogFile, Session } from '../api/types';
import type { SocketLike } from '../api/socketLike';

/** A WebSocket stand-in: records what the client sends, lets the test play the server. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  readonly sent: Record<string, unknown>[] = [];
  closedByClient: { code?: number; reason?: string } | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(JSON.parse(data));
  }

  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
    this.readyState = 3;
  }

  /** Server side: the connection opens. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** Server side: one frame to the client. */
  push(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  /** Server side: the connection closes (or drops, with 1006). */
  drop(code: number, reason = ''): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }

  ofType(type: string): Record<string, unknown>[] {
    return this.sent.filter((f) => f.type === type);
  }
}

/** Collects every socket a client opens. */
export function socketFactory() {
  const sockets: FakeSocket[] = [];
  const factory = (url: string) => {
    const socket = new FakeSocket(url);
    sockets.push(socket);
    return socket;
  };
  return { sockets, factory, last: () => sockets[sockets.length - 1] };
}

/** Timers that only move when the test says so. */
export class FakeClock implements Clock {
  private now = 0;
  private nextId = 1;
  private timers = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Runs, in time order, every timer due within `ms` from now. */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.now = next[1].at;
      next[1].fn();
    }
    this.now = end;
  }

  get pending(): number {
    return this.timers.size;
  }
}

/** A phone that said nothing about itself. */
export const UNKNOWN_DEVICE: Session['device'] = { manufacturer: null, model: null, androidVersion: null, apiLevel: 0, profile: null };

/** An active session of a phone that can do everything, with `extra` on top. */
export function sampleSession(extra: Partial<Session> = {}): Session {
  return {
    id: 's1',
    code: '123456789',
    identifier: null,
    status: 'active',
    customerName: 'Ana',
    portal: 'default',
    technician: { username: 'tech', displayName: 'Tess' },
    customerConnected: true,
    device: UNKNOWN_DEVICE,
    capabilities: { chat: true, diagnostics: true, screen: true, control: true },
    capabilityReasons: {},
    capabilityCodes: {},
    startedAt: '2026-11-24T20:00:00Z',
    endedAt: null,
    endedBy: null,
    endReason: null,
    endedByName: null,
    durationSeconds: null,
    origin: 'code',
    ownerNode: null,
    ...extra,
  };
}

/** A stored log file as the server shows it. */
export function logFile(id: string, name: string, size: number): LogFile {
  return { id, name, size, sha256: '0'.repeat(64), storedAt: '2026-11-24T20:05:00Z', url: `/api/v1/sessions/s1/logs/${id}` };
}
