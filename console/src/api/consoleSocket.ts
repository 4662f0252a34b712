import { backoffDelay, realClock, type Clock } from './backoff';
import { type SocketFactory, type SocketLike } from './socketLike';
import type { ConsoleEvent } from './types';

export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

export interface ConsoleSocketOptions {
  url: string;
  factory: SocketFactory;
  onEvent: (event: ConsoleEvent) => void;
  onState: (state: ConnectionState) => void;
  /** After every successful (re)connection: the console re-fetches its lists, events may have been missed. */
  onOpen: () => void;
  /**
   * After a connection attempt failed or dropped; `attempt` counts failures since the last success,
   * `code` is the close code when the server closed it (1008: refused, e.g. the account was disabled).
   */
  onDrop?: (attempt: number, code?: number) => void;
  clock?: Clock;
  random?: () => number;
  /** The server pings every 20 s; this much silence means the connection is dead. */
  silenceMs?: number;
}

/**
 * Live updates for the console (/ws/console). The server only pushes; this class keeps one
 * socket open, reconnects with back-off when it drops, and reports frames and connection state.
 * Not thread-safe in any sense that matters to a browser: call it from the UI only.
 */
export class ConsoleSocket {
  private socket: SocketLike | null = null;
  private failures = 0;
  private stopped = true;
  private reconnectTimer: unknown = null;
  private silenceTimer: unknown = null;
  private readonly clock: Clock;

  constructor(private readonly options: ConsoleSocketOptions) {
    this.clock = options.clock ?? realClock;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.clock.clearTimeout(this.reconnectTimer);
    this.clock.clearTimeout(this.silenceTimer);
    this.detach()?.close(1000, 'signed out');
  }

  private connect(): void {
    this.options.onState(this.failures === 0 ? 'connecting' : 'reconnecting');
    let socket: SocketLike;
    try {
      socket = this.options.factory(this.options.url);
    } catch {
      this.dropped();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.failures = 0;
      this.options.onState('online');
      this.heard();
      this.options.onOpen();
    };
    socket.onmessage = (event) => {
      this.heard();
      if (typeof event.data !== 'string') return;
      let frame: unknown;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame && typeof frame === 'object' && typeof (frame as { type?: unknown }).type === 'string') {
        this.options.onEvent(frame as ConsoleEvent);
      }
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.dropped(event?.code);
    };
    socket.onerror = () => {
      // onclose follows and decides what to do
    };
  }

  private heard(): void {
    this.clock.clearTimeout(this.silenceTimer);
    this.silenceTimer = this.clock.setTimeout(() => {
      // Nothing for three ping periods: the connection is dead even if the browser has not noticed.
      this.detach()?.close(4408, 'no ping from the server');
      this.dropped();
    }, this.options.silenceMs ?? 60_000);
  }

  private detach(): SocketLike | null {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    }
    return socket;
  }

  private dropped(code?: number): void {
    this.clock.clearTimeout(this.silenceTimer);
    if (this.stopped) return;
    const attempt = this.failures++;
    this.options.onState('reconnecting');
    this.options.onDrop?.(this.failures, code);
    this.reconnectTimer = this.clock.setTimeout(() => {
      if (!this.stopped) this.connect();
    }, backoffDelay(attempt, this.options.random));
  }
}
