import { readItem, sessionStorageOrNull, writeItem } from '../ui/browserStorage';
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { api } from '../api/client';
import { ConsoleSocket } from '../api/consoleSocket';
import { browserSocketFactory, sameOriginSocketUrl } from '../api/socketLike';
import type { ChatMessage, ConsoleEvent, EmailReceipt, LogsEmail, Session, User } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { wordPhrase } from '../i18n/phrase';
import { MessageKeys } from '../chat/messageKeys';
import { popOutChannel, type PopOutChannel } from '../screen/popOut';
import { isAway, notifyWhileAway } from '../shell/attention';
import { useToast } from '../ui/Toast';
import { consoleReducer, initialConsoleState, parseWorkspace, workspaceOf, type ConsoleAction, type ConsoleState } from './consoleState';

export interface ConsoleActions {
  dispatch: (action: ConsoleAction) => void;
  refreshCodes(): Promise<void>;
  refreshSessions(status: 'active' | 'ended'): Promise<void>;
  openChat(id: string): void;
  /** Re-reads one session and its transcript (after opening its window or reconnecting). */
  reloadChat(id: string): Promise<void>;
  closeChat(id: string): void;
  sendMessage(id: string, text: string): Promise<ChatMessage>;
  endSession(id: string): Promise<void>;
  /** Re-reads the screen state of a session (when its Viewer opens, after a reconnection). */
  loadScreen(id: string): Promise<void>;
  /** Asks the customer for the screen (and control, with `control`); `false` while control is granted releases it. */
  requestScreen(id: string, control: boolean): Promise<void>;
  /** Stops viewing the screen (the session goes on) and closes the Viewer window. */
  stopViewing(id: string): Promise<void>;
  openViewer(id: string): void;
  closeViewer(id: string): void;
  /** Re-reads the diagnostics of a session (when its window opens, after a reconnection). */
  loadDiagnostics(id: string): Promise<void>;
  /** Asks the customer for device information (again) and opens the Remote Diagnostics window. */
  requestDiagnostics(id: string): Promise<void>;
  openDiagnostics(id: string): void;
  closeDiagnostics(id: string): void;
  /** Re-reads the log files of a session (when its window opens, after a reconnection). */
  loadLogs(id: string): Promise<void>;
  /** Asks the customer's phone for its log files and opens the Log files window. */
  requestLogs(id: string): Promise<void>;
  openLogs(id: string): void;
  closeLogs(id: string): void;
  /** Emails log files of the session; the outbox panel reloads. */
  emailLogs(id: string, mail: LogsEmail): Promise<EmailReceipt>;
  /** Moves the Viewer of a session into a browser window of its own. */
  popOutViewer(id: string): void;
  /** Brings a popped-out Viewer back next to its Chat window (its own window closes). */
  returnViewer(id: string): void;
  /**
   * Every frame of /ws/console (also types this provider does not handle, e.g. `request`), and
   * `{type: 'open'}` after each (re)connection. Returns the unsubscribe function.
   */
  listen(listener: (event: { type: string }) => void): () => void;
}

interface ConsoleContextValue {
  state: ConsoleState;
  actions: ConsoleActions;
  /** Who is signed in. */
  me: User | null;
}

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

const now = () => new Date().toISOString();

interface Props {
  children: ComponentChildren;
  me?: User | null;
  /**
   * Where the open windows are kept across a reload of this tab (per user); none for a pop-out
   * Viewer window, which shows one session and leaves the workspace to the console.
   */
  workspaceKey?: string;
}

/**
 * Owns the console's live state: loads the lists over REST, keeps /ws/console open while signed in,
 * applies its frames, and re-fetches everything after each (re)connection. The main console also
 * keeps its open windows across a reload, tells the technician about arrivals while they are away
 * (unread counts, desktop notifications) and follows its pop-out Viewer windows.
 */
export function ConsoleProvider({ children, workspaceKey, me = null }: Props) {
  const [state, dispatch] = useReducer(consoleReducer, initialConsoleState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const { t } = useI18n();
  const toast = useToast();
  const tRef = useRef(t);
  tRef.current = t;
  const meRef = useRef(me);
  meRef.current = me;

  const listeners = useRef(new Set<(event: { type: string }) => void>());
  const channel = useRef<PopOutChannel | null>(null);
  const messageKeysRef = useRef(new MessageKeys());
  const actions = useMemo<ConsoleActions>(() => {
    const ignore = () => {};

    const self: ConsoleActions = {
      dispatch,
      async refreshCodes() {
        dispatch({ type: 'codesLoaded', codes: await api.codes() });
      },
      async refreshSessions(status) {
        dispatch({ type: 'sessionsLoaded', status, sessions: await api.sessions(status), at: now() });
      },
      openChat(id) {
        dispatch({ type: 'chatOpened', session: id });
        if (!stateRef.current.transcriptLoaded[id]) self.reloadChat(id).catch(ignore);
      },
      async reloadChat(id) {
        const [session, messages] = await Promise.all([api.session(id), api.messages(id)]);
        dispatch({ type: 'sessionUpserted', session, at: now() });
        dispatch({ type: 'messagesLoaded', session: id, messages });
        // The chat's screen and control buttons say what is going on from the start (shared, controlled).
        if (session.status === 'active' && session.capabilities?.screen === true) self.loadScreen(id).catch(ignore);
      },
      closeChat(id) {
        dispatch({ type: 'chatClosed', session: id });
      },
      async sendMessage(id, text) {
        const keys = messageKeysRef.current;
        const message = await api.sendMessage(id, text, keys.keyFor(id, text));
        keys.sent(id);
        dispatch({ type: 'messageReceived', session: id, message });
        return message;
      },
      async endSession(id) {
        await api.endSession(id);
        const session: Session = await api.session(id);
        dispatch({ type: 'sessionUpserted', session, at: now() });
      },
      async loadScreen(id) {
        dispatch({ type: 'screenUpdated', session: id, screen: await api.screen(id) });
      },
      async requestScreen(id, control) {
        await api.requestScreen(id, control);
        // The `screen` event normally follows; reading it here also covers a console socket that is down.
        self.loadScreen(id).catch(ignore);
      },
      async stopViewing(id) {
        await api.stopViewing(id);
        dispatch({ type: 'viewerClosed', session: id });
        self.loadScreen(id).catch(ignore);
      },
      openViewer(id) {
        dispatch({ type: 'viewerOpened', session: id });
        self.loadScreen(id).catch(ignore);
      },
      closeViewer(id) {
        dispatch({ type: 'viewerClosed', session: id });
      },
      async loadDiagnostics(id) {
        dispatch({ type: 'diagnosticsUpdated', session: id, diagnostics: await api.diagnostics(id) });
      },
      async requestDiagnostics(id) {
        await api.requestDiagnostics(id);
        dispatch({ type: 'diagnosticsOpened', session: id });
        // The `diagnostics` event normally follows; reading it here also covers a console socket that is down.
        self.loadDiagnostics(id).catch(ignore);
      },
      openDiagnostics(id) {
        dispatch({ type: 'diagnosticsOpened', session: id });
        self.loadDiagnostics(id).catch(ignore);
      },
      closeDiagnostics(id) {
        dispatch({ type: 'diagnosticsClosed', session: id });
      },
      async loadLogs(id) {
        dispatch({ type: 'logsUpdated', session: id, logs: await api.logs(id) });
      },
      async requestLogs(id) {
        await api.requestLogs(id);
        dispatch({ type: 'logsRequested', session: id });
        self.loadLogs(id).catch(ignore);
      },
      openLogs(id) {
        dispatch({ type: 'logsOpened', session: id });
        self.loadLogs(id).catch(ignore);
      },
      closeLogs(id) {
        dispatch({ type: 'logsClosed', session: id });
      },
      async emailLogs(id, mail) {
        const receipt = await api.emailLogs(id, mail);
        dispatch({ type: 'outboxChanged' });
        return receipt;
      },
      popOutViewer(id) {
        dispatch({ type: 'viewerPoppedOut', session: id });
      },
      returnViewer(id) {
        channel.current?.post({ type: 'return', session: id });
        self.openViewer(id);
      },
      listen(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    };
    return self;
  }, []);

  useEffect(() => {
    const ignore = () => {};

    // Events may have been missed while disconnected, so every (re)connection re-reads the lists.
    const refreshAll = () => {
      actions.refreshCodes().catch(ignore);
      actions.refreshSessions('active').catch(ignore);
      actions.refreshSessions('ended').catch(ignore);
      for (const id of stateRef.current.openChats) actions.reloadChat(id).catch(ignore);
      for (const id of stateRef.current.openViewers) actions.loadScreen(id).catch(ignore);
      for (const id of stateRef.current.openDiagnostics) actions.loadDiagnostics(id).catch(ignore);
      for (const id of stateRef.current.openLogs) actions.loadLogs(id).catch(ignore);
      dispatch({ type: 'outboxChanged' });
    };

    const onEvent = (event: ConsoleEvent) => {
      for (const listener of listeners.current) listener(event);
      switch (event.type) {
        case 'session': {
          const earlier = stateRef.current.sessions[event.session.id];
          const known = !!earlier;
          dispatch({ type: 'sessionUpserted', session: event.session, at: now(), live: true });
          const handedOver = earlier && earlier.technician.username !== event.session.technician.username;
          const self = meRef.current;
          if (handedOver && self && self.role !== 'admin' && event.session.technician.username !== self.username) {
            // Transferred to someone else (issue 18.2): it leaves this console's list and windows, as a
            // reload would show, and the technician is told where it went.
            actions.closeChat(event.session.id);
            actions.refreshSessions(event.session.status).catch(ignore);
            toast(tRef.current('sessions.transferredToast', {
              name: event.session.customerName || tRef.current('sessions.customer'),
              technician: event.session.technician.displayName || event.session.technician.username,
            }), 'info');
          }
          if (!known && event.session.status === 'active') {
            const joined = tRef.current('sessions.joinedToast', { name: event.session.customerName || tRef.current('sessions.customer') });
            toast(joined, 'info');
            if (workspaceKey) notifyWhileAway('Tandem', joined, `joined-${event.session.id}`, () => actions.openChat(event.session.id));
          }
          break;
        }
        case 'message': {
          const away = isAway();
          const known = (stateRef.current.transcripts[event.session] ?? []).some((m) => m.seq === event.message.seq);
          dispatch({ type: 'messageReceived', session: event.session, message: event.message, away });
          if (workspaceKey && !known && event.message.sender === 'customer') {
            const customer = stateRef.current.sessions[event.session]?.customerName || tRef.current('sessions.customer');
            const text = wordPhrase(tRef.current, event.message, event.message.text);
            notifyWhileAway(customer, text, `message-${event.session}`, () => actions.openChat(event.session));
          }
          break;
        }
        case 'code':
          dispatch({ type: 'codeUpserted', code: event.code });
          break;
        case 'screen':
          dispatch({ type: 'screenUpdated', session: event.session, screen: event.screen });
          break;
        case 'diagnostics':
          dispatch({ type: 'diagnosticsUpdated', session: event.session, diagnostics: event.diagnostics });
          break;
        case 'logs':
          dispatch({ type: 'logsUpdated', session: event.session, logs: event.logs });
          break;
        case 'outbox':
          dispatch({ type: 'outboxChanged' });
          break;
        default:
          break; // hello, ping
      }
    };

    const socket = new ConsoleSocket({
      url: sameOriginSocketUrl('/ws/console', window.location),
      factory: browserSocketFactory,
      onEvent,
      onState: (connection) => dispatch({ type: 'connection', state: connection }),
      onOpen: () => {
        refreshAll();
        for (const listener of listeners.current) listener({ type: 'open' });
      },
      // A socket that keeps failing may mean the sign-in expired: a 401 here sends us to the sign-in form.
      // 1008 is the server refusing this user (account disabled, signed out elsewhere): ask at once.
      onDrop: (attempt, code) => {
        if (attempt >= 2 || code === 1008) api.me().catch(ignore);
      },
    });
    refreshAll();
    socket.start();
    return () => socket.stop();
  }, [actions]);

  // The technician is back (this tab in front, this window focused): what the chat in front shows is read.
  useEffect(() => {
    const back = () => {
      if (!isAway()) dispatch({ type: 'seen' });
    };
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    return () => {
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
    };
  }, []);

  // The open windows survive a reload of the tab: read them back once, then keep them up to date.
  const restored = useRef(false);
  useEffect(() => {
    if (!workspaceKey || restored.current) return;
    restored.current = true;
    const workspace = parseWorkspace(readItem(sessionStorageOrNull(), workspaceKey));
    if (!workspace || workspace.openChats.length === 0) return;
    dispatch({ type: 'workspaceRestored', workspace });
    for (const id of workspace.openChats) {
      // A session that is gone (or no longer ours) closes its window instead of loading forever.
      actions.reloadChat(id).catch(() => actions.closeChat(id));
    }
  }, [workspaceKey]);

  const workspace = JSON.stringify(workspaceOf(state));
  useEffect(() => {
    if (!workspaceKey || !restored.current) return;
    writeItem(sessionStorageOrNull(), workspaceKey, workspace);
  }, [workspaceKey, workspace]);

  // Pop-out Viewer windows say when they open and close; after a reload the console asks who is there.
  useEffect(() => {
    if (!workspaceKey) return undefined;
    const opened = popOutChannel((message) => {
      if (message.type === 'open') dispatch({ type: 'viewerPoppedOut', session: message.session });
      else if (message.type === 'closed') dispatch({ type: 'viewerPopOutClosed', session: message.session });
      // The pop-out's "Back to the console": the Viewer comes back next to its chat.
      else if (message.type === 'return' && stateRef.current.openChats.includes(message.session)) actions.openViewer(message.session);
    });
    channel.current = opened;
    opened.post({ type: 'rollCall' });
    return () => {
      channel.current = null;
      opened.close();
    };
  }, [workspaceKey]);

  const value = useMemo(() => ({ state, actions, me }), [state, actions, me]);
  return <ConsoleContext.Provider value={value}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}
