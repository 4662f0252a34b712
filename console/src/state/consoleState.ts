import type { ConnectionState } from '../api/consoleSocket';
import type { ChatMessage, DiagnosticsState, LogsState, ScreenState, Session, SessionCode } from '../api/types';

/**
 * Everything the console shows that comes from the server, and the open Chat windows.
 * A pure reducer: REST answers and socket frames become actions; tests drive it directly.
 */

/** A connection change of the customer, noticed by the console (not part of the server's transcript). */
export interface Notice {
  id: string;
  /** connected: the customer's first connection seen by this console (a chat request's customer arriving). */
  kind: 'dropped' | 'reconnected' | 'connected';
  name: string;
  at: string;
}

export interface ConsoleState {
  codes: SessionCode[];
  sessions: Record<string, Session>;
  transcripts: Record<string, ChatMessage[]>;
  transcriptLoaded: Record<string, boolean>;
  notices: Record<string, Notice[]>;
  unread: Record<string, number>;
  openChats: string[];
  activeChat: string | null;
  /** Screen and control state per session, from GET /screen and the console socket's `screen` events. */
  screens: Record<string, ScreenState>;
  /** Sessions whose Viewer window is open, next to their Chat window. */
  openViewers: string[];
  /** Sessions whose Viewer lives in a browser window of its own (popped out). */
  poppedViewers: string[];
  /** The latest diagnostics of each session, from GET /diagnostics and the `diagnostics` events. */
  diagnostics: Record<string, DiagnosticsState>;
  /** The log files of each session, from GET /logs and the `logs` events. */
  logs: Record<string, LogsState>;
  /** Sessions whose Remote Diagnostics window is open, beside their Chat window. */
  openDiagnostics: string[];
  /** Sessions whose Log files window is open, beside their Chat window. */
  openLogs: string[];
  /** Sessions where the technician asked for log files and waits for them. */
  logsAwaited: string[];
  /** Sessions whose requested log files arrived and are not emailed yet: the Log files window points at the email. */
  logsArrived: string[];
  /** Sessions whose "email the log files" dialog is open. */
  composingLogs: string[];
  connection: ConnectionState;
  /** Bumped whenever the outbox may have changed, so that its panel reloads. */
  outboxRevision: number;
}

export type ConsoleAction =
  | { type: 'codesLoaded'; codes: SessionCode[] }
  | { type: 'codeUpserted'; code: SessionCode }
  | { type: 'sessionsLoaded'; status: 'active' | 'ended'; sessions: Session[]; at: string }
  | { type: 'sessionUpserted'; session: Session; at: string; live?: boolean }
  | { type: 'messagesLoaded'; session: string; messages: ChatMessage[] }
  /** `away`: the technician is not looking at the console (another tab or window in front), so it counts as unread. */
  | { type: 'messageReceived'; session: string; message: ChatMessage; away?: boolean }
  /** The technician is back at the console: what they see now is read. */
  | { type: 'seen' }
  /** The windows that were open before a reload. */
  | { type: 'workspaceRestored'; workspace: Workspace }
  | { type: 'viewerPoppedOut'; session: string }
  | { type: 'viewerPopOutClosed'; session: string }
  | { type: 'chatOpened'; session: string }
  | { type: 'chatFocused'; session: string }
  | { type: 'chatClosed'; session: string }
  | { type: 'screenUpdated'; session: string; screen: ScreenState }
  | { type: 'viewerOpened'; session: string }
  | { type: 'viewerClosed'; session: string }
  | { type: 'diagnosticsUpdated'; session: string; diagnostics: DiagnosticsState }
  | { type: 'diagnosticsOpened'; session: string }
  | { type: 'diagnosticsClosed'; session: string }
  | { type: 'logsUpdated'; session: string; logs: LogsState }
  | { type: 'logsRequested'; session: string }
  | { type: 'logsOpened'; session: string }
  | { type: 'logsClosed'; session: string }
  | { type: 'composeLogsOpened'; session: string }
  | { type: 'composeLogsClosed'; session: string }
  | { type: 'connection'; state: ConnectionState }
  | { type: 'outboxChanged' };

export const initialConsoleState: ConsoleState = {
  codes: [],
  sessions: {},
  transcripts: {},
  transcriptLoaded: {},
  notices: {},
  unread: {},
  openChats: [],
  activeChat: null,
  screens: {},
  openViewers: [],
  poppedViewers: [],
  diagnostics: {},
  logs: {},
  openDiagnostics: [],
  openLogs: [],
  logsAwaited: [],
  logsArrived: [],
  composingLogs: [],
  connection: 'connecting',
  outboxRevision: 0,
};

function codeTime(code: SessionCode): number {
  return Date.parse(code.createdAt ?? code.expiresAt) || 0;
}

export function sortCodes(codes: SessionCode[]): SessionCode[] {
  return codes.slice().sort((a, b) => codeTime(b) - codeTime(a));
}

/** Union of two transcripts by seq, in seq order; the newer copy of a seq wins. */
export function mergeMessages(current: ChatMessage[] | undefined, incoming: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const message of current ?? []) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function connectionNotice(previous: Session | undefined, next: Session, at: string, earlier: Notice[] | undefined): Notice | null {
  if (!previous || previous.status !== 'active' || next.status !== 'active') return null;
  if (previous.customerConnected === next.customerConnected) return null;
  // "Again" only after a drop this console saw; a customer arriving for the first time (a chat request) is just connected.
  const again = (earlier ?? []).some((n) => n.kind === 'dropped');
  return {
    id: `${next.id}:${at}:${next.customerConnected ? 'up' : 'down'}`,
    kind: next.customerConnected ? (again ? 'reconnected' : 'connected') : 'dropped',
    name: next.customerName ?? '',
    at,
  };
}

function withSession(state: ConsoleState, session: Session, at: string): ConsoleState {
  // Ended is final: a list fetched before the end that arrives after the `session` event must not
  // bring the session back to life (its Chat window would never show that it ended).
  if (state.sessions[session.id]?.status === 'ended' && session.status !== 'ended') return state;
  const notice = connectionNotice(state.sessions[session.id], session, at, state.notices[session.id]);
  return {
    ...state,
    sessions: { ...state.sessions, [session.id]: session },
    notices: notice
      ? { ...state.notices, [session.id]: [...(state.notices[session.id] ?? []), notice] }
      : state.notices,
  };
}

/** The server's diagnostics with the optional lists filled in, so the windows never meet `undefined`. */
export function normalizeDiagnostics(diagnostics: DiagnosticsState): DiagnosticsState {
  return { ...diagnostics, status: diagnostics.status ?? 'none', warnings: diagnostics.warnings ?? [] };
}

export function normalizeLogs(logs: LogsState): LogsState {
  return { ...logs, status: logs.status ?? 'none', files: logs.files ?? [], refused: logs.refused ?? [] };
}

/** A view the server took before the one shown (a REST answer overtaken by a socket event). */
function isOlder(incoming: { revision?: number }, current: { revision?: number } | undefined): boolean {
  return incoming.revision !== undefined && current?.revision !== undefined && incoming.revision < current.revision;
}

const withId = (ids: string[], id: string) => (ids.includes(id) ? ids : [...ids, id]);
const withoutId = (ids: string[], id: string) => (ids.includes(id) ? ids.filter((other) => other !== id) : ids);

function focus(state: ConsoleState, id: string): ConsoleState {
  const openChats = state.openChats.includes(id) ? state.openChats : [...state.openChats, id];
  return { ...state, openChats, activeChat: id, unread: { ...state.unread, [id]: 0 } };
}

export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'codesLoaded':
      return { ...state, codes: sortCodes(action.codes) };

    case 'codeUpserted': {
      const others = state.codes.filter((c) => c.code !== action.code.code);
      return { ...state, codes: sortCodes([action.code, ...others]) };
    }

    case 'sessionsLoaded': {
      const listed = new Set(action.sessions.map((s) => s.id));
      // Forget sessions of this status that the server no longer lists, unless a Chat window shows them
      // (the window re-fetches its session on its own).
      const sessions: Record<string, Session> = {};
      for (const [id, session] of Object.entries(state.sessions)) {
        if (session.status !== action.status || listed.has(id) || state.openChats.includes(id)) {
          sessions[id] = session;
        }
      }
      let next: ConsoleState = { ...state, sessions };
      for (const session of action.sessions) next = withSession(next, session, action.at);
      return next;
    }

    case 'sessionUpserted': {
      const isNew = !state.sessions[action.session.id];
      let next = withSession(state, action.session, action.at);
      // A customer just joined one of our codes: open the Chat window, without stealing focus.
      if (action.live && isNew && action.session.status === 'active' && !next.openChats.includes(action.session.id)) {
        next = { ...next, openChats: [...next.openChats, action.session.id] };
        if (!next.activeChat) next = focus(next, action.session.id);
      }
      return next;
    }

    case 'messagesLoaded':
      return {
        ...state,
        transcripts: { ...state.transcripts, [action.session]: mergeMessages(state.transcripts[action.session], action.messages) },
        transcriptLoaded: { ...state.transcriptLoaded, [action.session]: true },
      };

    case 'messageReceived': {
      const current = state.transcripts[action.session] ?? [];
      if (current.some((m) => m.seq === action.message.seq)) return state;
      const counts = action.message.sender === 'customer' && (state.activeChat !== action.session || !!action.away);
      return {
        ...state,
        transcripts: { ...state.transcripts, [action.session]: mergeMessages(current, [action.message]) },
        unread: counts ? { ...state.unread, [action.session]: (state.unread[action.session] ?? 0) + 1 } : state.unread,
      };
    }

    case 'chatOpened':
    case 'chatFocused':
      return focus(state, action.session);

    case 'seen':
      return state.activeChat && state.unread[state.activeChat] ? focus(state, state.activeChat) : state;

    case 'workspaceRestored': {
      const w = action.workspace;
      const openChats = [...state.openChats, ...w.openChats.filter((id) => !state.openChats.includes(id))];
      const activeChat = state.activeChat ?? (w.activeChat && openChats.includes(w.activeChat) ? w.activeChat : openChats[0] ?? null);
      const inChats = (ids: string[]) => ids.filter((id) => openChats.includes(id));
      return {
        ...state,
        openChats,
        activeChat,
        openViewers: [...new Set([...state.openViewers, ...inChats(w.openViewers)])],
        openDiagnostics: [...new Set([...state.openDiagnostics, ...inChats(w.openDiagnostics)])],
        openLogs: [...new Set([...state.openLogs, ...inChats(w.openLogs)])],
      };
    }

    case 'viewerPoppedOut':
      return {
        ...state,
        openViewers: withoutId(state.openViewers, action.session),
        poppedViewers: withId(state.poppedViewers, action.session),
      };

    case 'viewerPopOutClosed': {
      const poppedViewers = withoutId(state.poppedViewers, action.session);
      return poppedViewers === state.poppedViewers ? state : { ...state, poppedViewers };
    }

    case 'chatClosed': {
      const index = state.openChats.indexOf(action.session);
      if (index < 0) return state;
      const openChats = state.openChats.filter((id) => id !== action.session);
      const activeChat =
        state.activeChat === action.session ? (openChats[Math.min(index, openChats.length - 1)] ?? null) : state.activeChat;
      // The Viewer and the diagnostics windows live in the session's pane: they go with its Chat window.
      const next = {
        ...state,
        openChats,
        activeChat,
        openViewers: withoutId(state.openViewers, action.session),
        openDiagnostics: withoutId(state.openDiagnostics, action.session),
        openLogs: withoutId(state.openLogs, action.session),
        logsAwaited: withoutId(state.logsAwaited, action.session),
        logsArrived: withoutId(state.logsArrived, action.session),
        composingLogs: withoutId(state.composingLogs, action.session),
      };
      return activeChat ? focus(next, activeChat) : next;
    }

    case 'screenUpdated':
      if (isOlder(action.screen, state.screens[action.session])) return state;
      return { ...state, screens: { ...state.screens, [action.session]: action.screen } };

    case 'viewerOpened': {
      const next = focus(state, action.session);
      return {
        ...next,
        openViewers: withId(next.openViewers, action.session),
        poppedViewers: withoutId(next.poppedViewers, action.session),
      };
    }

    case 'viewerClosed':
      return state.openViewers.includes(action.session)
        ? { ...state, openViewers: state.openViewers.filter((id) => id !== action.session) }
        : state;

    case 'diagnosticsUpdated':
      if (isOlder(action.diagnostics, state.diagnostics[action.session])) return state;
      return { ...state, diagnostics: { ...state.diagnostics, [action.session]: normalizeDiagnostics(action.diagnostics) } };

    case 'diagnosticsOpened': {
      const next = focus(state, action.session);
      return { ...next, openDiagnostics: withId(next.openDiagnostics, action.session) };
    }

    case 'diagnosticsClosed': {
      const openDiagnostics = withoutId(state.openDiagnostics, action.session);
      return openDiagnostics === state.openDiagnostics ? state : { ...state, openDiagnostics };
    }

    case 'logsUpdated': {
      if (isOlder(action.logs, state.logs[action.session])) return state;
      const logs = normalizeLogs(action.logs);
      const next = { ...state, logs: { ...state.logs, [action.session]: logs } };
      if (!state.logsAwaited.includes(action.session) || (logs.status !== 'ready' && logs.status !== 'declined')) return next;
      // The files the technician asked for arrived: the Log files window offers the email (Send Logfiles),
      // without a dialog that would interrupt whatever the technician is typing.
      const arrived = logs.status === 'ready' && logs.files.length > 0;
      return {
        ...next,
        logsAwaited: withoutId(state.logsAwaited, action.session),
        logsArrived: arrived ? withId(state.logsArrived, action.session) : state.logsArrived,
      };
    }

    case 'logsRequested': {
      const next = focus(state, action.session);
      return {
        ...next,
        openLogs: withId(next.openLogs, action.session),
        logsAwaited: withId(next.logsAwaited, action.session),
        logsArrived: withoutId(next.logsArrived, action.session),
        composingLogs: withoutId(next.composingLogs, action.session),
      };
    }

    case 'composeLogsOpened':
      return {
        ...state,
        composingLogs: withId(state.composingLogs, action.session),
        logsArrived: withoutId(state.logsArrived, action.session),
      };

    case 'composeLogsClosed': {
      const composingLogs = withoutId(state.composingLogs, action.session);
      return composingLogs === state.composingLogs ? state : { ...state, composingLogs };
    }

    case 'logsOpened': {
      const next = focus(state, action.session);
      return { ...next, openLogs: withId(next.openLogs, action.session) };
    }

    case 'logsClosed':
      return {
        ...state,
        openLogs: withoutId(state.openLogs, action.session),
        composingLogs: withoutId(state.composingLogs, action.session),
      };

    case 'connection':
      return state.connection === action.state ? state : { ...state, connection: action.state };

    case 'outboxChanged':
      return { ...state, outboxRevision: state.outboxRevision + 1 };
  }
}

/** The windows open in the console, kept across a reload of the page (sessionStorage). */
export interface Workspace {
  openChats: string[];
  activeChat: string | null;
  openViewers: string[];
  openDiagnostics: string[];
  openLogs: string[];
}

export function workspaceOf(state: ConsoleState): Workspace {
  return {
    openChats: state.openChats,
    activeChat: state.activeChat,
    openViewers: state.openViewers,
    openDiagnostics: state.openDiagnostics,
    openLogs: state.openLogs,
  };
}

/** A workspace read back from storage: anything malformed becomes empty rather than breaking the console. */
export function parseWorkspace(text: string | null): Workspace | null {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof Workspace, unknown>>;
    const ids = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, 50) : []);
    return {
      openChats: ids(raw.openChats),
      activeChat: typeof raw.activeChat === 'string' ? raw.activeChat : null,
      openViewers: ids(raw.openViewers),
      openDiagnostics: ids(raw.openDiagnostics),
      openLogs: ids(raw.openLogs),
    };
  } catch {
    return null;
  }
}

/** Unread customer messages over every session: the count in the browser title. */
export function unreadTotal(state: ConsoleState): number {
  return Object.values(state.unread).reduce((sum, n) => sum + n, 0);
}

/** connected / reconnecting / ended, as the session list and the Chat window show it. */
export type LiveStatus = 'connected' | 'reconnecting' | 'ended';

export function liveStatus(session: Session): LiveStatus {
  if (session.status === 'ended') return 'ended';
  return session.customerConnected ? 'connected' : 'reconnecting';
}
