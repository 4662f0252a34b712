import { backoffDelay, realClock, type Clock } from '../api/backoff';
import { ERROR_CODES, POLICY_CLOSE_CODE, type ErrorCodeEntry } from '../api/errorCodes';
import { OPEN, type SocketFactory, type SocketLike } from '../api/socketLike';

/**
 * The customer's side of the agent protocol (docs/protocol.md, section 1) for the browser chat:
 * handshake and resume, chat with cseq/ack, seq acknowledgement and de-duplication, heartbeat,
 * leaving, and reconnecting with back-off. No DOM here: the socket comes from a factory and the
 * timers from a Clock, so the logic runs the same under vitest as in the browser.
 */

export const PROTOCOL_VERSION = 1;
export const MAX_MESSAGE_LENGTH = 4000;
/** What a survey token looks like (URL-safe base64); anything else in an end frame is ignored. */
const SURVEY_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

export interface DeviceDescription {
  manufacturer: string;
  model: string;
  androidVersion: string | null;
  apiLevel: number;
  profile: string;
}

export interface Capability {
  available: boolean;
  reason?: string;
}

export type Capabilities = Record<'chat' | 'diagnostics' | 'screen' | 'control', Capability>;

export interface TranscriptEntry {
  seq: number;
  sender: 'technician' | 'customer' | 'system';
  name: string | null;
  /** The server's wording (in the language of the hello); `key` and `params` let the page word it in the one shown now. */
  text: string;
  at: string;
  key?: string;
  params?: Record<string, string>;
}

export interface OutgoingMessage {
  cseq: number;
  text: string;
  state: 'pending' | 'delivered' | 'failed';
  seq?: number;
  error?: string;
}

export type AgentStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'ended' | 'failed';

export interface AgentState {
  status: AgentStatus;
  session: string | null;
  technician: string | null;
  /** Transcript entries from the server, in seq order, each seq once. */
  transcript: TranscriptEntry[];
  /** The customer's own messages that are not (yet) in the transcript. */
  outgoing: OutgoingMessage[];
  /** Set when the server said `end`; `survey`: the token to answer the portal's survey with, when it asks one. */
  ended: { by: string; reason: string; survey?: string } | null;
  /** Set when the server closed the socket for good (final close code). */
  closed: { code: number; reason: string } | null;
  leaving: boolean;
}

/** What survives a page reload (kept in sessionStorage by the page). */
export interface ResumeRecord {
  session: string;
  token: string;
  customerName: string;
  nextCseq: number;
  pending: { cseq: number; text: string }[];
}

export interface ResumeStore {
  load(): ResumeRecord | null;
  save(record: ResumeRecord): void;
  clear(): void;
}

export interface AgentSessionOptions {
  url: string;
  code: string;
  customerName: string;
  device: DeviceDescription;
  capabilities: Capabilities;
  factory: SocketFactory;
  /** The language the page is shown in now, told to the server in every hello (for its questions and lines). */
  language?: () => string;
  store?: ResumeStore;
  clock?: Clock;
  random?: () => number;
}

/** Close codes after which the device stops (docs/protocol.md section 3, "final"), from the server's error table. */
const FINAL_CLOSE_CODES = new Set(
  (Object.values(ERROR_CODES) as ErrorCodeEntry[]).flatMap((e) => (e.final && e.closeCode ? [e.closeCode] : [])),
);
/** Standard codes that mean the peer refused us rather than the network failing. */
const FINAL_STANDARD_CODES = new Set([1002, 1003, 1007, POLICY_CLOSE_CODE, 1009, 1010]);

export function isFinalClose(code: number): boolean {
  return FINAL_CLOSE_CODES.has(code) || FINAL_STANDARD_CODES.has(code);
}

type Listener = (state: AgentState) => void;

export class AgentSession {
  private readonly clock: Clock;
  private readonly listeners = new Set<Listener>();
  private socket: SocketLike | null = null;
  private welcomed = false;
  private finished = false;
  private failures = 0;
  private reconnectTimer: unknown = null;
  private silenceTimer: unknown = null;
  private heartbeatSeconds = 15;

  private status: AgentStatus = 'idle';
  private session: string | null = null;
  private token: string | null = null;
  private technician: string | null = null;
  private readonly seen = new Set<number>();
  private lastSeq = 0;
  private transcript: TranscriptEntry[] = [];
  private outgoing: OutgoingMessage[] = [];
  private nextCseq = 1;
  private ended: AgentState['ended'] = null;
  private closed: AgentState['closed'] = null;
  private leaving = false;

  constructor(private readonly options: AgentSessionOptions) {
    this.clock = options.clock ?? realClock;
    const saved = options.store?.load();
    if (saved) {
      this.session = saved.session;
      this.token = saved.token;
      this.nextCseq = Math.max(1, saved.nextCseq);
      this.outgoing = saved.pending.map((p) => ({ cseq: p.cseq, text: p.text, state: 'pending' }));
    }
  }

  get state(): AgentState {
    return {
      status: this.status,
      session: this.session,
      technician: this.technician,
      transcript: this.transcript.slice(),
      outgoing: this.outgoing.map((o) => ({ ...o })),
      ended: this.ended,
      closed: this.closed,
      leaving: this.leaving,
    };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.status !== 'idle') return;
    this.connect();
  }

  /** Queues a message; it goes out now if connected, else after the next welcome. */
  send(text: string): OutgoingMessage | null {
    const body = text.trim();
    if (!body || body.length > MAX_MESSAGE_LENGTH || this.finished || this.leaving) return null;
    const message: OutgoingMessage = { cseq: this.nextCseq++, text: body, state: 'pending' };
    this.outgoing.push(message);
    this.persist();
    if (this.welcomed) this.sendFrame({ type: 'chat', cseq: message.cseq, text: message.text });
    this.emit();
    return { ...message };
  }

  /** The customer's exit: the server ends the session and answers with `end`. */
  leave(): void {
    if (this.finished || this.leaving) return;
    this.leaving = true;
    if (this.welcomed) {
      this.sendFrame({ type: 'leave' });
    } else if (!this.session) {
      // never joined: nothing to tell the server
      this.finish('ended', { by: 'customer', reason: '' });
      return;
    }
    // else: sent right after the next welcome
    this.emit();
  }

  /** Drops the socket without telling the server (page unload); the stored resume record stays. */
  stop(): void {
    this.finished = true;
    this.clock.clearTimeout(this.reconnectTimer);
    this.clock.clearTimeout(this.silenceTimer);
    this.detach()?.close(1000, 'closed');
  }

  private connect(): void {
    this.welcomed = false;
    this.setStatus(this.status === 'idle' ? 'connecting' : 'reconnecting');
    let socket: SocketLike;
    try {
      socket = this.options.factory(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.sendHello();
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.heard();
      if (typeof event.data === 'string') this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.closedBy(event.code, event.reason ?? '');
    };
    socket.onerror = () => {
      // the close event follows and decides
    };
  }

  private sendHello(): void {
    const hello: Record<string, unknown> = {
      type: 'hello',
      version: PROTOCOL_VERSION,
      customerName: this.options.customerName,
      device: this.options.device,
      capabilities: this.options.capabilities,
      lastSeq: this.lastSeq,
    };
    const language = this.options.language?.();
    if (language) hello.language = language;
    if (this.session && this.token) hello.resume = { session: this.session, token: this.token };
    else hello.code = this.options.code;
    this.sendFrame(hello);
  }

  private receive(data: string): void {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!frame || typeof frame !== 'object') return;
    switch (frame.type) {
      case 'welcome':
        this.onWelcome(frame);
        break;
      case 'chat':
        this.onChat(frame);
        break;
      case 'ack':
        this.onAck(frame);
        break;
      case 'ping':
        this.sendFrame({ type: 'pong' });
        break;
      case 'end':
        this.finish('ended', {
          by: String(frame.by ?? 'server'),
          reason: String(frame.reason ?? ''),
          ...(typeof frame.survey === 'string' && SURVEY_TOKEN.test(frame.survey) ? { survey: frame.survey } : {}),
        });
        break;
      case 'prompt':
        // The browser chat can share nothing: refuse at once rather than leave the technician waiting.
        if (typeof frame.id === 'string') this.sendFrame({ type: 'answer', id: frame.id, granted: false });
        break;
      default:
        // pong, promptClosed and anything newer: nothing to do
        break;
    }
  }

  private onWelcome(frame: Record<string, unknown>): void {
    this.welcomed = true;
    this.failures = 0;
    this.session = String(frame.session);
    if (typeof frame.resumeToken === 'string') this.token = frame.resumeToken;
    if (typeof frame.technician === 'string') this.technician = frame.technician;
    if (typeof frame.heartbeatSeconds === 'number' && frame.heartbeatSeconds > 0) {
      this.heartbeatSeconds = frame.heartbeatSeconds;
    }
    const lastCseq = typeof frame.lastCseq === 'number' ? frame.lastCseq : 0;
    // The server already stored these; its transcript replay brings them back with their seq.
    this.outgoing = this.outgoing.filter((o) => o.state !== 'pending' || o.cseq > lastCseq);
    this.nextCseq = Math.max(this.nextCseq, lastCseq + 1);
    this.setStatus('connected', false);
    this.persist();
    this.heard();
    for (const message of this.outgoing) {
      if (message.state === 'pending') this.sendFrame({ type: 'chat', cseq: message.cseq, text: message.text });
    }
    if (this.leaving) this.sendFrame({ type: 'leave' });
    this.emit();
  }

  private onChat(frame: Record<string, unknown>): void {
    const seq = frame.seq;
    if (typeof seq !== 'number') return;
    this.sendFrame({ type: 'ack', seq });
    if (this.seen.has(seq)) return;
    this.seen.add(seq);
    this.lastSeq = Math.max(this.lastSeq, seq);
    const entry: TranscriptEntry = {
      seq,
      sender: frame.sender === 'technician' || frame.sender === 'customer' ? frame.sender : 'system',
      name: typeof frame.name === 'string' ? frame.name : null,
      text: typeof frame.text === 'string' ? frame.text : '',
      at: typeof frame.at === 'string' ? frame.at : new Date().toISOString(),
    };
    if (typeof frame.key === 'string') entry.key = frame.key;
    if (frame.params && typeof frame.params === 'object') entry.params = frame.params as Record<string, string>;
    const at = this.transcript.findIndex((e) => e.seq > seq);
    if (at < 0) this.transcript.push(entry);
    else this.transcript.splice(at, 0, entry);
    this.pruneDelivered();
    this.emit();
  }

  private onAck(frame: Record<string, unknown>): void {
    const message = this.outgoing.find((o) => o.cseq === frame.cseq);
    if (!message || message.state !== 'pending') return;
    const error = frame.error as { message?: string; code?: string } | undefined;
    if (error) {
      message.state = 'failed';
      message.error = error.message || error.code || 'refused';
    } else {
      message.state = 'delivered';
      if (typeof frame.seq === 'number') message.seq = frame.seq;
    }
    this.pruneDelivered();
    this.persist();
    this.emit();
  }

  /** A delivered message whose seq reached the transcript is shown there; drop the local copy. */
  private pruneDelivered(): void {
    this.outgoing = this.outgoing.filter(
      (o) => !(o.state === 'delivered' && o.seq !== undefined && this.seen.has(o.seq)),
    );
  }

  private closedBy(code: number, reason: string): void {
    this.welcomed = false;
    this.clock.clearTimeout(this.silenceTimer);
    if (this.finished) {
      if (this.status !== 'ended' && this.status !== 'failed') this.setStatus('ended');
      return;
    }
    if (this.leaving) {
      this.finish('ended', { by: 'customer', reason });
      return;
    }
    if (isFinalClose(code)) {
      this.closed = { code, reason };
      const ended = code === ERROR_CODES.SESSION_ENDED.closeCode;
      this.finish(ended && this.session ? 'ended' : 'failed', ended ? { by: 'server', reason } : null);
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.setStatus('reconnecting');
    const delay = backoffDelay(this.failures++, this.options.random);
    this.reconnectTimer = this.clock.setTimeout(() => {
      if (!this.finished) this.connect();
    }, delay);
  }

  private heard(): void {
    this.clock.clearTimeout(this.silenceTimer);
    this.silenceTimer = this.clock.setTimeout(() => {
      // Nothing for three heartbeats: the connection is dead; resume on a new one.
      this.detach()?.close(4408, 'heartbeat timeout');
      this.welcomed = false;
      this.scheduleReconnect();
    }, this.heartbeatSeconds * 3000);
  }

  private finish(status: 'ended' | 'failed', ended: AgentState['ended']): void {
    this.finished = true;
    if (ended && !this.ended) this.ended = ended;
    this.clock.clearTimeout(this.reconnectTimer);
    this.clock.clearTimeout(this.silenceTimer);
    this.options.store?.clear();
    this.setStatus(status);
  }

  private detach(): SocketLike | null {
    const socket = this.socket;
    this.socket = null;
    if (socket) socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    return socket;
  }

  private sendFrame(frame: Record<string, unknown>): void {
    if (this.socket && this.socket.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }

  private persist(): void {
    if (!this.options.store || !this.session || !this.token || this.finished) return;
    this.options.store.save({
      session: this.session,
      token: this.token,
      customerName: this.options.customerName,
      nextCseq: this.nextCseq,
      pending: this.outgoing.filter((o) => o.state === 'pending').map(({ cseq, text }) => ({ cseq, text })),
    });
  }

  private setStatus(status: AgentStatus, emit = true): void {
    this.status = status;
    if (emit) this.emit();
  }

  private emit(): void {
    const snapshot = this.state;
    for (const listener of this.listeners) listener(snapshot);
  }
}

export type TimelineItem =
  | { kind: 'entry'; entry: TranscriptEntry }
  | { kind: 'outgoing'; message: OutgoingMessage };

/** What the chat shows: the transcript, then the customer's messages still on their way. */
export function timeline(state: AgentState): TimelineItem[] {
  const seqs = new Set(state.transcript.map((e) => e.seq));
  return [
    ...state.transcript.map((entry) => ({ kind: 'entry' as const, entry })),
    ...state.outgoing
      .filter((m) => m.seq === undefined || !seqs.has(m.seq))
      .map((message) => ({ kind: 'outgoing' as const, message })),
  ];
}
