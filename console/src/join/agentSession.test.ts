import { beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, socketFactory } from '../testing/fakes';
import { AgentSession, timeline, type ResumeRecord, type ResumeStore } from './agentSession';
import { WEB_CAPABILITIES, WEB_UNAVAILABLE_REASON, webDevice } from './webDevice';

function memoryStore(initial: ResumeRecord | null = null) {
  let record = initial;
  const store: ResumeStore & { record: () => ResumeRecord | null } = {
    load: () => (record ? JSON.parse(JSON.stringify(record)) : null),
    save: (r) => {
      record = JSON.parse(JSON.stringify(r));
    },
    clear: () => {
      record = null;
    },
    record: () => record,
  };
  return store;
}

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

function setup(store = memoryStore()) {
  const sockets = socketFactory();
  const clock = new FakeClock();
  const session = new AgentSession({
    url: 'ws://example.test/ws/agent',
    code: '123456789',
    customerName: 'Ana',
    device: webDevice(CHROME),
    capabilities: WEB_CAPABILITIES,
    factory: sockets.factory,
    store,
    clock,
    random: () => 1, // no jitter: delays are exactly 0.5 s, 1 s, 2 s, ...
  });
  return { session, sockets, clock, store };
}

const welcome = (extra: Record<string, unknown> = {}) => ({
  type: 'welcome',
  version: 1,
  session: 's_1',
  resumeToken: 'tok-1',
  technician: 'Bob',
  portal: 'default',
  language: 'es',
  heartbeatSeconds: 15,
  lastCseq: 0,
  ...extra,
});

const chat = (seq: number, sender = 'technician', text = `message ${seq}`) => ({
  type: 'chat',
  seq,
  sender,
  name: sender === 'technician' ? 'Bob' : 'Ana',
  text,
  at: '2026-11-24T20:00:00Z',
});

describe('AgentSession handshake', () => {
  it('opens /ws/agent and says hello with the code, the web device and its capabilities', () => {
    const { session, sockets } = setup();
    session.start();
    const socket = sockets.last();
    expect(socket.url).toBe('ws://example.test/ws/agent');
    socket.open();
    expect(socket.sent).toEqual([
      {
        type: 'hello',
        version: 1,
        code: '123456789',
        customerName: 'Ana',
        device: { manufacturer: 'Web browser', model: 'Chrome 131', androidVersion: null, apiLevel: 0, profile: 'web' },
        capabilities: {
          chat: { available: true },
          diagnostics: { available: false, reason: WEB_UNAVAILABLE_REASON },
          screen: { available: false, reason: WEB_UNAVAILABLE_REASON },
          control: { available: false, reason: WEB_UNAVAILABLE_REASON },
        },
        lastSeq: 0,
      },
    ]);
    expect(socket.sent[0]).not.toHaveProperty('resume');
  });

  it('keeps the session and resume token after welcome', () => {
    const { session, sockets, store } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    expect(session.state.status).toBe('connected');
    expect(session.state.technician).toBe('Bob');
    expect(store.record()).toMatchObject({ session: 's_1', token: 'tok-1', customerName: 'Ana', nextCseq: 1 });
  });

  it('answers ping with pong', () => {
    const { session, sockets } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    sockets.last().push({ type: 'ping' });
    expect(sockets.last().ofType('pong')).toHaveLength(1);
  });

  it('refuses consent prompts, since the browser can share nothing', () => {
    const { session, sockets } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    sockets.last().push({ type: 'prompt', id: 'p_1', kind: 'diagnostics', text: 'Share device information?' });
    expect(sockets.last().ofType('answer')).toEqual([{ type: 'answer', id: 'p_1', granted: false }]);
  });
});

describe('AgentSession transcript', () => {
  let env: ReturnType<typeof setup>;
  beforeEach(() => {
    env = setup();
    env.session.start();
    env.sockets.last().open();
    env.sockets.last().push(welcome());
  });

  it('acks every seq and keeps entries in seq order', () => {
    const socket = env.sockets.last();
    socket.push(chat(2));
    socket.push(chat(1, 'system', 'Ana joined'));
    expect(socket.ofType('ack')).toEqual([
      { type: 'ack', seq: 2 },
      { type: 'ack', seq: 1 },
    ]);
    expect(env.session.state.transcript.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('ignores a replayed seq (but still acks it)', () => {
    const socket = env.sockets.last();
    socket.push(chat(1));
    socket.push(chat(2));
    socket.push(chat(1));
    socket.push(chat(2));
    expect(env.session.state.transcript).toHaveLength(2);
    expect(socket.ofType('ack')).toHaveLength(4);
  });

  it('keeps text exactly as sent: line breaks, emoji, accents, markup characters', () => {
    const text = 'Hola, ¿me ayudas? 😀\nSegunda línea <b>no es HTML</b>';
    env.sockets.last().push(chat(1, 'technician', text));
    expect(env.session.state.transcript[0].text).toBe(text);
  });
});

describe('AgentSession sending', () => {
  it('numbers messages with cseq from 1 and marks them delivered on ack', () => {
    const { session, sockets } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    session.send('first');
    session.send('second');
    expect(sockets.last().ofType('chat')).toEqual([
      { type: 'chat', cseq: 1, text: 'first' },
      { type: 'chat', cseq: 2, text: 'second' },
    ]);
    sockets.last().push({ type: 'ack', cseq: 1, seq: 7 });
    expect(session.state.outgoing.map((o) => [o.cseq, o.state, o.seq])).toEqual([
      [1, 'delivered', 7],
      [2, 'pending', undefined],
    ]);
  });

  it('shows a refused message as failed with the server’s reason and never re-sends it', () => {
    const { session, sockets, clock } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    session.send('too much');
    sockets.last().push({ type: 'ack', cseq: 1, error: { code: 'message_too_long', message: 'Too long.' } });
    expect(session.state.outgoing[0]).toMatchObject({ state: 'failed', error: 'Too long.' });

    sockets.last().drop(1006);
    clock.advance(500);
    sockets.last().open();
    sockets.last().push(welcome());
    expect(sockets.last().ofType('chat')).toEqual([]);
  });

  it('holds messages written before welcome and sends them after it', () => {
    const { session, sockets } = setup();
    session.start();
    session.send('early');
    sockets.last().open();
    expect(sockets.last().ofType('chat')).toEqual([]);
    sockets.last().push(welcome());
    expect(sockets.last().ofType('chat')).toEqual([{ type: 'chat', cseq: 1, text: 'early' }]);
  });

  it('ignores empty and over-long messages', () => {
    const { session, sockets } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    expect(session.send('   \n ')).toBeNull();
    expect(session.send('x'.repeat(4001))).toBeNull();
    expect(session.send('x'.repeat(4000))).not.toBeNull();
    expect(sockets.last().ofType('chat')).toHaveLength(1);
  });

  it('shows the own message once, whether the ack or the transcript echo comes first', () => {
    const { session, sockets } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    session.send('ack first');
    session.send('echo first');
    sockets.last().push({ type: 'ack', cseq: 1, seq: 1 });
    sockets.last().push(chat(1, 'customer', 'ack first'));
    sockets.last().push(chat(2, 'customer', 'echo first'));
    sockets.last().push({ type: 'ack', cseq: 2, seq: 2 });
    const items = timeline(session.state);
    expect(items.map((i) => (i.kind === 'entry' ? `seq ${i.entry.seq}` : `cseq ${i.message.cseq}`))).toEqual([
      'seq 1',
      'seq 2',
    ]);
  });
});

describe('AgentSession reconnect and resume', () => {
  it('reconnects with back-off after a drop, resumes with the token and the highest seq seen', () => {
    const { session, sockets, clock } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    sockets.last().push(chat(1));
    sockets.last().push(chat(2));
    sockets.last().drop(1006);
    expect(session.state.status).toBe('reconnecting');

    clock.advance(499);
    expect(sockets.sockets).toHaveLength(1);
    clock.advance(1);
    expect(sockets.sockets).toHaveLength(2);
    sockets.last().open();
    const hello = sockets.last().ofType('hello')[0];
    expect(hello.resume).toEqual({ session: 's_1', token: 'tok-1' });
    expect(hello).not.toHaveProperty('code');
    expect(hello.lastSeq).toBe(2);
  });

  it('doubles the delay while reconnecting fails, up to 10 s', () => {
    const { session, sockets, clock } = setup();
    session.start();
    const delays: number[] = [];
    let last = 0;
    let time = 0;
    for (let i = 0; i < 7; i++) {
      sockets.last().drop(1006);
      const before = sockets.sockets.length;
      while (sockets.sockets.length === before) {
        clock.advance(100);
        time += 100;
      }
      delays.push(time - last);
      last = time;
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('re-sends unacknowledged messages with the same cseq after resume, dropping those the server stored', () => {
    const { session, sockets, clock } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    session.send('one');
    session.send('two');
    session.send('three');
    sockets.last().push({ type: 'ack', cseq: 1, seq: 5 });
    sockets.last().drop(1006);
    session.send('four (while offline)');

    clock.advance(500);
    sockets.last().open();
    // The server had stored cseq 2 before the drop, but its ack was lost.
    sockets.last().push(welcome({ lastCseq: 2 }));
    expect(sockets.last().ofType('chat')).toEqual([
      { type: 'chat', cseq: 3, text: 'three' },
      { type: 'chat', cseq: 4, text: 'four (while offline)' },
    ]);
    session.send('five');
    expect(sockets.last().ofType('chat').at(-1)).toEqual({ type: 'chat', cseq: 5, text: 'five' });
  });

  it('reconnects after a heartbeat timeout close (4408)', () => {
    const { session, sockets, clock } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    sockets.last().drop(4408, 'Nothing heard for three heartbeats');
    clock.advance(500);
    expect(sockets.sockets).toHaveLength(2);
  });

  it('gives up on a silent connection after three heartbeats and resumes on a new one', () => {
    const { session, sockets, clock } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome({ heartbeatSeconds: 10 }));
    clock.advance(29_000);
    sockets.last().push({ type: 'ping' }); // anything heard resets the wait
    clock.advance(29_000);
    expect(sockets.sockets).toHaveLength(1);
    clock.advance(1_000);
    expect(sockets.sockets[0].closedByClient).not.toBeNull();
    clock.advance(500);
    expect(sockets.sockets).toHaveLength(2);
  });

  it('resumes after a page reload from the stored record, replaying the whole transcript', () => {
    const store = memoryStore({
      session: 's_1',
      token: 'tok-1',
      customerName: 'Ana',
      nextCseq: 3,
      pending: [{ cseq: 2, text: 'unsent' }],
    });
    const { session, sockets } = setup(store);
    session.start();
    sockets.last().open();
    const hello = sockets.last().ofType('hello')[0];
    expect(hello).toMatchObject({ resume: { session: 's_1', token: 'tok-1' }, lastSeq: 0 });
    sockets.last().push(welcome({ lastCseq: 1 }));
    expect(sockets.last().ofType('chat')).toEqual([{ type: 'chat', cseq: 2, text: 'unsent' }]);
  });
});

describe('AgentSession ending', () => {
  it('stops on end: shows who ended it, forgets the token and does not reconnect', () => {
    const { session, sockets, clock, store } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    sockets.last().push({ type: 'end', by: 'technician', reason: 'The technician ended the session' });
    sockets.last().drop(1000);
    clock.advance(60_000);
    expect(session.state.status).toBe('ended');
    expect(session.state.ended).toEqual({ by: 'technician', reason: 'The technician ended the session' });
    expect(store.record()).toBeNull();
    expect(sockets.sockets).toHaveLength(1);
    expect(session.send('hello?')).toBeNull();
  });

  it('keeps the survey token an end carries, and only one that looks like a token', () => {
    const asked = setup();
    asked.session.start();
    asked.sockets.last().open();
    asked.sockets.last().push(welcome());
    asked.sockets.last().push({ type: 'end', by: 'technician', reason: '', survey: 'AbCdEfGhIjKlMnOpQrStUvWx_-012345' });
    expect(asked.session.state.ended?.survey).toBe('AbCdEfGhIjKlMnOpQrStUvWx_-012345');

    const odd = setup();
    odd.session.start();
    odd.sockets.last().open();
    odd.sockets.last().push(welcome());
    odd.sockets.last().push({ type: 'end', by: 'technician', reason: '', survey: '../../auth/token' });
    expect(odd.session.state.ended).toEqual({ by: 'technician', reason: '' });
  });

  it('stops on a final close and keeps the server’s reason for the customer', () => {
    const { session, sockets, clock } = setup();
    session.start();
    sockets.last().open();
    sockets.last().drop(4011, 'This code has expired. Ask your technician for a new one.');
    clock.advance(60_000);
    expect(session.state.status).toBe('failed');
    expect(session.state.closed).toEqual({ code: 4011, reason: 'This code has expired. Ask your technician for a new one.' });
    expect(sockets.sockets).toHaveLength(1);
  });

  it('sends leave and ends when the server closes', () => {
    const { session, sockets } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    session.leave();
    expect(sockets.last().ofType('leave')).toEqual([{ type: 'leave' }]);
    sockets.last().push({ type: 'end', by: 'customer', reason: '' });
    sockets.last().drop(1000);
    expect(session.state.status).toBe('ended');
    expect(session.state.ended?.by).toBe('customer');
  });

  it('sends a leave requested while reconnecting right after the next welcome', () => {
    const { session, sockets, clock } = setup();
    session.start();
    sockets.last().open();
    sockets.last().push(welcome());
    sockets.last().drop(1006);
    session.leave();
    clock.advance(500);
    sockets.last().open();
    sockets.last().push(welcome());
    expect(sockets.last().ofType('leave')).toHaveLength(1);
  });
});
