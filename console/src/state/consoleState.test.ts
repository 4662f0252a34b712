import { describe, expect, it } from 'vitest';
import type { ChatMessage, DiagnosticsState, ScreenState, Session, SessionCode } from '../api/types';
import { logFile, sampleSession } from '../testing/fakes';
import { consoleReducer, initialConsoleState, liveStatus, parseWorkspace, unreadTotal, workspaceOf, type ConsoleAction, type ConsoleState } from './consoleState';

const session = (id: string, extra: Partial<Session> = {}): Session =>
  sampleSession({
    id,
    identifier: 'Ticket 42',
    device: { manufacturer: 'samsung', model: 'SM-S918B', androidVersion: '14', apiLevel: 34, profile: null },
    ...extra,
  });

const message = (seq: number, sender: ChatMessage['sender'] = 'customer'): ChatMessage => ({
  seq,
  sender,
  name: 'Ana',
  text: `m${seq}`,
  at: '2026-11-24T20:00:00Z',
});

const code = (digits: string, createdAt: string, status: SessionCode['status'] = 'waiting'): SessionCode => ({
  code: digits,
  url: `http://localhost:8080/join/${digits}`,
  identifier: null,
  portal: 'default',
  status,
  expiresAt: '2026-11-24T21:00:00Z',
  createdAt,
  technician: 'Tess',
  session: null,
});

const run = (actions: ConsoleAction[], state: ConsoleState = initialConsoleState) => actions.reduce(consoleReducer, state);
const at = '2026-11-24T20:10:00Z';

/** A screen view as the server sends it, nothing shared. */
const screenOff: ScreenState = { status: 'off', control: false, controlStatus: 'off', stoppedByCustomer: false, viewers: 0, revision: 1, drawings: null, recording: 'off' };

describe('consoleReducer: codes', () => {
  it('keeps codes newest first and replaces a code by its digits', () => {
    const state = run([
      { type: 'codesLoaded', codes: [code('111111111', '2026-11-24T20:00:00Z'), code('222222222', '2026-11-24T20:05:00Z')] },
      { type: 'codeUpserted', code: code('111111111', '2026-11-24T20:00:00Z', 'joined') },
      { type: 'codeUpserted', code: code('333333333', '2026-11-24T20:07:00Z') },
    ]);
    expect(state.codes.map((c) => [c.code, c.status])).toEqual([
      ['333333333', 'waiting'],
      ['222222222', 'waiting'],
      ['111111111', 'joined'],
    ]);
  });
});

describe('consoleReducer: transcripts', () => {
  it('merges REST and socket messages by seq without doubles', () => {
    const state = run([
      { type: 'messageReceived', session: 's1', message: message(3) },
      { type: 'messagesLoaded', session: 's1', messages: [message(1), message(2), message(3)] },
      { type: 'messageReceived', session: 's1', message: message(2) },
    ]);
    expect(state.transcripts.s1.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('counts unread customer messages (not system or own ones) only while the chat is not in front', () => {
    const state = run([
      { type: 'sessionUpserted', session: session('s1'), at },
      { type: 'messageReceived', session: 's1', message: message(1) },
      { type: 'messageReceived', session: 's1', message: message(2, 'technician') },
      { type: 'messageReceived', session: 's1', message: message(4, 'system') },
      { type: 'messageReceived', session: 's1', message: message(1) },
    ]);
    expect(state.unread.s1).toBe(1);
    const opened = consoleReducer(state, { type: 'chatOpened', session: 's1' });
    expect(opened.unread.s1).toBe(0);
    expect(consoleReducer(opened, { type: 'messageReceived', session: 's1', message: message(3) }).unread.s1).toBe(0);
    expect(opened.transcripts.s1.map((m) => m.seq)).toEqual([1, 2, 4]);
  });

  it('counts a message in the chat in front while the technician is away, until they are back', () => {
    const state = run([
      { type: 'chatOpened', session: 's1' },
      { type: 'messageReceived', session: 's1', message: message(1), away: true },
      { type: 'messageReceived', session: 's2', message: message(1) },
    ]);
    expect(state.unread).toMatchObject({ s1: 1, s2: 1 });
    expect(unreadTotal(state)).toBe(2);
    const back = consoleReducer(state, { type: 'seen' });
    expect(back.unread).toMatchObject({ s1: 0, s2: 1 });
    expect(unreadTotal(back)).toBe(1);
  });
});

describe('consoleReducer: views taken earlier', () => {
  it('drops a diagnostics, logs or screen view older than the one shown', () => {
    const state = run([
      { type: 'diagnosticsUpdated', session: 's1', diagnostics: { status: 'ready', warnings: [], revision: 7 } },
      { type: 'diagnosticsUpdated', session: 's1', diagnostics: { status: 'pending', warnings: [], revision: 5 } },
      { type: 'logsUpdated', session: 's1', logs: { status: 'ready', files: [], refused: [], revision: 9 } },
      { type: 'logsUpdated', session: 's1', logs: { status: 'pending', files: [], refused: [], revision: 8 } },
      { type: 'screenUpdated', session: 's1', screen: { ...screenOff, status: 'sharing', revision: 4 } },
      { type: 'screenUpdated', session: 's1', screen: { ...screenOff, status: 'pending', revision: 3 } },
    ]);
    expect(state.diagnostics.s1.status).toBe('ready');
    expect(state.logs.s1.status).toBe('ready');
    expect(state.screens.s1.status).toBe('sharing');
  });
});

describe('consoleReducer: sessions', () => {
  it('never brings an ended session back to active from a list fetched before the end', () => {
    const state = run([
      { type: 'sessionUpserted', session: session('s1'), at },
      { type: 'sessionUpserted', session: session('s1', { status: 'ended' }), at },
      { type: 'sessionsLoaded', status: 'active', sessions: [session('s1')], at },
    ]);
    expect(state.sessions.s1.status).toBe('ended');
  });

  it("announces a customer's first connection as connected, not as connected again", () => {
    const state = run([
      { type: 'sessionUpserted', session: session('s1', { customerConnected: false }), at: '2026-11-24T20:01:00Z' },
      { type: 'sessionUpserted', session: session('s1'), at: '2026-11-24T20:02:00Z' },
    ]);
    expect(state.notices.s1.map((n) => n.kind)).toEqual(['connected']);
  });

  it('adds a notice when the customer drops and when they are back', () => {
    const state = run([
      { type: 'sessionUpserted', session: session('s1'), at: '2026-11-24T20:01:00Z' },
      { type: 'sessionUpserted', session: session('s1', { customerConnected: false }), at: '2026-11-24T20:02:00Z' },
      { type: 'sessionUpserted', session: session('s1', { customerConnected: false }), at: '2026-11-24T20:03:00Z' },
      { type: 'sessionUpserted', session: session('s1'), at: '2026-11-24T20:04:00Z' },
    ]);
    expect(state.notices.s1.map((n) => [n.kind, n.at])).toEqual([
      ['dropped', '2026-11-24T20:02:00Z'],
      ['reconnected', '2026-11-24T20:04:00Z'],
    ]);
  });

  it('opens the Chat window of a session that just started, without taking focus from another', () => {
    let state = run([{ type: 'sessionUpserted', session: session('s1'), at, live: true }]);
    expect(state.openChats).toEqual(['s1']);
    expect(state.activeChat).toBe('s1');
    state = consoleReducer(state, { type: 'sessionUpserted', session: session('s2'), at, live: true });
    expect(state.openChats).toEqual(['s1', 's2']);
    expect(state.activeChat).toBe('s1');
  });

  it('does not reopen a window the technician closed when the session changes', () => {
    const state = run([
      { type: 'sessionUpserted', session: session('s1'), at, live: true },
      { type: 'chatClosed', session: 's1' },
      { type: 'sessionUpserted', session: session('s1', { customerConnected: false }), at, live: true },
    ]);
    expect(state.openChats).toEqual([]);
  });

  it('forgets listed sessions the server no longer has, except those with an open window', () => {
    const state = run([
      { type: 'sessionsLoaded', status: 'active', sessions: [session('s1'), session('s2'), session('s3')], at },
      { type: 'chatOpened', session: 's2' },
      { type: 'sessionsLoaded', status: 'active', sessions: [session('s3')], at },
    ]);
    expect(Object.keys(state.sessions).sort()).toEqual(['s2', 's3']);
  });

  it('moves focus to a neighbour when the active window closes', () => {
    const state = run([
      { type: 'chatOpened', session: 'a' },
      { type: 'chatOpened', session: 'b' },
      { type: 'chatOpened', session: 'c' },
      { type: 'chatFocused', session: 'b' },
      { type: 'chatClosed', session: 'b' },
    ]);
    expect(state.openChats).toEqual(['a', 'c']);
    expect(state.activeChat).toBe('c');
  });

  it('reads the live status from status and customerConnected', () => {
    expect(liveStatus(session('s'))).toBe('connected');
    expect(liveStatus(session('s', { customerConnected: false }))).toBe('reconnecting');
    expect(liveStatus(session('s', { status: 'ended', customerConnected: false }))).toBe('ended');
  });
});

describe('consoleReducer: screen and Viewer windows', () => {
  const sharing = { ...screenOff, status: 'sharing' as const, viewers: 1 };

  it('keeps the latest screen state per session, from REST or the console socket', () => {
    const state = run([
      { type: 'screenUpdated', session: 's1', screen: { ...sharing, status: 'pending', viewers: 0 } },
      { type: 'screenUpdated', session: 's1', screen: sharing },
      { type: 'screenUpdated', session: 's2', screen: { ...sharing, status: 'off' } },
    ]);
    expect(state.screens.s1).toEqual(sharing);
    expect(state.screens.s2.status).toBe('off');
  });

  it('opens a Viewer once, next to its Chat window, which comes to the front', () => {
    const state = run([
      { type: 'sessionUpserted', session: session('s1'), at },
      { type: 'chatOpened', session: 's2' },
      { type: 'viewerOpened', session: 's1' },
      { type: 'viewerOpened', session: 's1' },
    ]);
    expect(state.openViewers).toEqual(['s1']);
    expect(state.openChats).toEqual(['s2', 's1']);
    expect(state.activeChat).toBe('s1');
  });

  it('closes a Viewer alone, or with its Chat window', () => {
    const opened = run([
      { type: 'viewerOpened', session: 's1' },
      { type: 'viewerOpened', session: 's2' },
    ]);
    const viewerClosed = consoleReducer(opened, { type: 'viewerClosed', session: 's1' });
    expect(viewerClosed.openViewers).toEqual(['s2']);
    expect(viewerClosed.openChats).toEqual(['s1', 's2']);
    expect(consoleReducer(viewerClosed, { type: 'viewerClosed', session: 's1' })).toBe(viewerClosed);

    const chatClosed = consoleReducer(opened, { type: 'chatClosed', session: 's2' });
    expect(chatClosed.openViewers).toEqual(['s1']);
    expect(chatClosed.openChats).toEqual(['s1']);
  });
});

describe('diagnostics and log files', () => {
  const files = [logFile('f1', 'tandem-agent.log', 10)];

  it('keeps the latest diagnostics per session, with an empty warning list when the server sends none', () => {
    const state = run([
      // Without warnings (and revision), as an older server sent them: the list is filled in.
      { type: 'diagnosticsUpdated', session: 's1', diagnostics: { status: 'pending' } as DiagnosticsState },
      { type: 'diagnosticsUpdated', session: 's2', diagnostics: { status: 'declined' } as DiagnosticsState },
      {
        type: 'diagnosticsUpdated',
        session: 's1',
        diagnostics: { status: 'ready', revision: 1, report: { version: 1 }, collectedAt: at, warnings: [{ code: 'storage.low', section: 'storage', message: 'm' }] },
      },
    ]);
    expect(state.diagnostics.s1.status).toBe('ready');
    expect(state.diagnostics.s1.warnings).toHaveLength(1);
    expect(state.diagnostics.s2).toEqual({ status: 'declined', warnings: [] });
  });

  it('opens the Remote Diagnostics window beside its Chat window, once, and closes it without closing the chat', () => {
    const opened = run([
      { type: 'chatOpened', session: 's2' },
      { type: 'diagnosticsOpened', session: 's1' },
      { type: 'diagnosticsOpened', session: 's1' },
    ]);
    expect(opened.openDiagnostics).toEqual(['s1']);
    expect(opened.activeChat).toBe('s1');
    const closed = consoleReducer(opened, { type: 'diagnosticsClosed', session: 's1' });
    expect(closed.openDiagnostics).toEqual([]);
    expect(closed.openChats).toEqual(['s2', 's1']);
    expect(consoleReducer(closed, { type: 'diagnosticsClosed', session: 's1' })).toBe(closed);
  });

  it('fills in missing file lists', () => {
    const state = consoleReducer(initialConsoleState, { type: 'logsUpdated', session: 's1', logs: { status: 'pending' } as never });
    expect(state.logs.s1).toEqual({ status: 'pending', files: [], refused: [] });
  });

  it('points at the email once the requested log files arrived, without opening a dialog by itself', () => {
    const asked = run([{ type: 'logsRequested', session: 's1' }]);
    expect(asked.openLogs).toEqual(['s1']);
    expect(asked.activeChat).toBe('s1');
    const pending = consoleReducer(asked, { type: 'logsUpdated', session: 's1', logs: { status: 'pending', revision: 1, files: [], refused: [] } });
    expect(pending.logsArrived).toEqual([]);
    const ready = consoleReducer(pending, { type: 'logsUpdated', session: 's1', logs: { status: 'ready', revision: 1, files, refused: [] } });
    expect(ready.composingLogs).toEqual([]);
    expect(ready.logsArrived).toEqual(['s1']);
    expect(ready.logsAwaited).toEqual([]);

    const composing = consoleReducer(ready, { type: 'composeLogsOpened', session: 's1' });
    expect(composing.composingLogs).toEqual(['s1']);
    expect(composing.logsArrived).toEqual([]);
    const again = consoleReducer(consoleReducer(composing, { type: 'composeLogsClosed', session: 's1' }), {
      type: 'logsUpdated',
      session: 's1',
      logs: { status: 'ready', revision: 1, files, refused: [] },
    });
    expect(again.logsArrived).toEqual([]);
    expect(again.composingLogs).toEqual([]);
  });

  it('prepares no email when the customer declined or no file arrived', () => {
    const declined = run([
      { type: 'logsRequested', session: 's1' },
      { type: 'logsUpdated', session: 's1', logs: { status: 'declined', revision: 1, files: [], refused: [] } },
    ]);
    expect(declined.logsArrived).toEqual([]);
    expect(declined.logsAwaited).toEqual([]);
    const empty = run([
      { type: 'logsRequested', session: 's1' },
      { type: 'logsUpdated', session: 's1', logs: { status: 'ready', revision: 1, files: [], refused: [{ name: 'big.log', reason: 'over 20 MB' }] } },
    ]);
    expect(empty.logsArrived).toEqual([]);
  });

  it('closes the diagnostics windows and the email with their Chat window', () => {
    const opened = run([
      { type: 'diagnosticsOpened', session: 's1' },
      { type: 'logsRequested', session: 's1' },
      { type: 'composeLogsOpened', session: 's1' },
      { type: 'diagnosticsOpened', session: 's2' },
    ]);
    const closed = consoleReducer(opened, { type: 'chatClosed', session: 's1' });
    expect(closed.openDiagnostics).toEqual(['s2']);
    expect(closed.openLogs).toEqual([]);
    expect(closed.logsAwaited).toEqual([]);
    expect(closed.composingLogs).toEqual([]);
    expect(consoleReducer(opened, { type: 'logsClosed', session: 's1' }).composingLogs).toEqual([]);
  });
});

describe('consoleReducer: the workspace across a reload', () => {
  it('reopens the windows that were open and keeps the one in front', () => {
    const before = run([
      { type: 'chatOpened', session: 's1' },
      { type: 'viewerOpened', session: 's2' },
      { type: 'diagnosticsOpened', session: 's1' },
      { type: 'chatFocused', session: 's2' },
    ]);
    const saved = JSON.stringify(workspaceOf(before));
    const after = consoleReducer(initialConsoleState, { type: 'workspaceRestored', workspace: parseWorkspace(saved)! });
    expect(after.openChats).toEqual(['s1', 's2']);
    expect(after.activeChat).toBe('s2');
    expect(after.openViewers).toEqual(['s2']);
    expect(after.openDiagnostics).toEqual(['s1']);
  });

  it('ignores a damaged record and windows of chats that are not open', () => {
    expect(parseWorkspace('{not json')).toBeNull();
    const w = parseWorkspace('{"openChats":["s1",3],"activeChat":"s9","openViewers":["s7"],"openLogs":"x"}')!;
    const state = consoleReducer(initialConsoleState, { type: 'workspaceRestored', workspace: w });
    expect(state.openChats).toEqual(['s1']);
    expect(state.activeChat).toBe('s1');
    expect(state.openViewers).toEqual([]);
    expect(state.openLogs).toEqual([]);
  });

  it('moves a Viewer to its own window and back', () => {
    const popped = run([{ type: 'viewerOpened', session: 's1' }, { type: 'viewerPoppedOut', session: 's1' }]);
    expect(popped.openViewers).toEqual([]);
    expect(popped.poppedViewers).toEqual(['s1']);
    const back = consoleReducer(popped, { type: 'viewerOpened', session: 's1' });
    expect(back.openViewers).toEqual(['s1']);
    expect(back.poppedViewers).toEqual([]);
    expect(consoleReducer(popped, { type: 'viewerPopOutClosed', session: 's1' }).poppedViewers).toEqual([]);
  });
});
