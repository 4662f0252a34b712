import { describe, expect, it } from 'vitest';
import { FakeClock, socketFactory } from '../testing/fakes';
import { ConsoleSocket, type ConnectionState } from './consoleSocket';
import type { ConsoleEvent } from './types';

function setup() {
  const sockets = socketFactory();
  const drops: [number, number | undefined][] = [];
  const clock = new FakeClock();
  const events: ConsoleEvent[] = [];
  const states: ConnectionState[] = [];
  let opens = 0;
  const socket = new ConsoleSocket({
    url: 'ws://example.test/ws/console',
    factory: sockets.factory,
    onEvent: (e) => events.push(e),
    onState: (s) => states.push(s),
    onOpen: () => opens++,
    onDrop: (attempt, code) => drops.push([attempt, code]),
    clock,
    random: () => 1,
  });
  return { socket, sockets, clock, events, states, drops, opens: () => opens };
}

describe('ConsoleSocket', () => {
  it('passes frames on and reports the connection state', () => {
    const env = setup();
    env.socket.start();
    env.sockets.last().open();
    env.sockets.last().push({ type: 'code', code: { code: '123456789', status: 'joined' } });
    env.sockets.last().push('not json');
    expect(env.events).toEqual([{ type: 'code', code: { code: '123456789', status: 'joined' } }]);
    expect(env.states).toEqual(['connecting', 'online']);
    expect(env.opens()).toBe(1);
  });

  it('reconnects with back-off after a drop and asks for a re-fetch once back', () => {
    const env = setup();
    env.socket.start();
    env.sockets.last().open();
    env.sockets.last().drop(1006);
    expect(env.states.at(-1)).toBe('reconnecting');
    env.clock.advance(499);
    expect(env.sockets.sockets).toHaveLength(1);
    env.clock.advance(1);
    expect(env.sockets.sockets).toHaveLength(2);
    env.sockets.last().open();
    expect(env.opens()).toBe(2);
    expect(env.states.at(-1)).toBe('online');
  });

  it('reports the close code of each drop, so a refusal (1008, account disabled) is acted on at once', () => {
    const env = setup();
    env.socket.start();
    env.sockets.last().open();
    env.sockets.last().drop(1008);
    expect(env.drops).toEqual([[1, 1008]]);
    env.clock.advance(500);
    env.sockets.last().drop(1006);
    expect(env.drops).toEqual([
      [1, 1008],
      [2, 1006],
    ]);
  });

  it('treats a minute without frames as a dead connection', () => {
    const env = setup();
    env.socket.start();
    env.sockets.last().open();
    env.clock.advance(59_999);
    expect(env.sockets.sockets[0].closedByClient).toBeNull();
    env.clock.advance(1);
    expect(env.sockets.sockets[0].closedByClient).not.toBeNull();
    env.clock.advance(500);
    expect(env.sockets.sockets).toHaveLength(2);
  });

  it('stays closed after stop', () => {
    const env = setup();
    env.socket.start();
    env.sockets.last().open();
    env.socket.stop();
    env.clock.advance(120_000);
    expect(env.sockets.sockets).toHaveLength(1);
    expect(env.clock.pending).toBe(0);
  });
});
