import { useEffect, useRef, useState } from 'preact/hooks';
import { keysText } from './shortcuts';
import { AccountPage } from '../account/AccountPage';
import { adminTitle, ManagementCenter } from '../admin/ManagementCenter';
import { useRoute } from '../admin/useRoute';
import type { User } from '../api/types';
import { ChatWorkspace } from '../chat/ChatWorkspace';
import { CodeManagement } from '../codes/CodeManagement';
import { useI18n } from '../i18n/I18nProvider';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { RequestsPanel } from '../requests/RequestsPanel';
import { RequestsProvider, useRequests } from '../requests/RequestsProvider';
import { PopOutViewer } from '../screen/PopOutViewer';
import { SessionList } from '../sessions/SessionList';
import { ConsoleProvider, useConsole } from '../state/ConsoleProvider';
import { unreadTotal } from '../state/consoleState';
import { Icon } from '../ui/Icon';
import { Splitter } from '../ui/Splitter';
import { sendCommand } from './commands';
import { Header } from './Header';
import { PANE_LIMITS } from './layoutPrefs';
import { LayoutProvider, useLayout } from './LayoutProvider';
import { NotificationsPrompt } from './NotificationsPrompt';
import { neighbourChat, shortcutFor } from './shortcuts';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SideRail } from './SideRail';

/**
 * The signed-in console: codes, requests, sessions and the outbox in a side column (collapsible and
 * resizable), the Chat windows beside it. `#/viewer/{session}` is a pop-out Viewer window instead.
 */
export function ConsoleShell({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const route = useRoute();
  if (route.view === 'viewer') {
    return (
      <ConsoleProvider me={user}>
        <PopOutViewer id={route.session} />
      </ConsoleProvider>
    );
  }
  return (
    <LayoutProvider>
      <ConsoleProvider workspaceKey={`tandem.workspace.${user.username}`} me={user}>
        <RequestsProvider>
          <ConsoleScreen user={user} onSignOut={onSignOut} />
        </RequestsProvider>
      </ConsoleProvider>
    </LayoutProvider>
  );
}

function ConsoleScreen({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  const { t } = useI18n();
  const route = useRoute();
  const { state, actions } = useConsole();
  const { waiting } = useRequests();
  const { prefs, update, toggleSide } = useLayout();
  const [help, setHelp] = useState(false);
  const layout = useRef<HTMLElement>(null);
  // Administrators only; a technician at #/admin/... simply sees the console (the server guards the data).
  const admin = user.role === 'admin' && route.view === 'admin' ? route : null;
  const account = route.view === 'account';
  const collapsed = prefs.sideCollapsed;
  const sideWidth = prefs.sideWidth ?? PANE_LIMITS.sideWidth.initial;

  // "(3) Tandem": unread customer messages and waiting requests, so a background tab says there is news.
  const count = unreadTotal(state) + waiting.length;
  const base = admin ? `${adminTitle(admin, t)} · Tandem` : account ? `${t('account.title')} · Tandem` : 'Tandem';
  useEffect(() => {
    document.title = count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
  }, [count, base]);

  useEffect(() => {
    layout.current?.style.setProperty('--side-w', `${sideWidth}px`);
  }, [sideWidth]);

  const stateRef = useRef(state);
  stateRef.current = state;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      if (!action) return;
      const { openChats, activeChat, sessions } = stateRef.current;
      event.preventDefault();
      switch (action.kind) {
        case 'help':
          setHelp((open) => !open);
          break;
        case 'toggleSide':
          toggleSide();
          break;
        case 'chat':
          if (openChats[action.index]) actions.dispatch({ type: 'chatFocused', session: openChats[action.index] });
          break;
        case 'nextChat':
        case 'previousChat': {
          const next = neighbourChat(openChats, activeChat, action.kind === 'nextChat' ? 1 : -1);
          if (next) actions.dispatch({ type: 'chatFocused', session: next });
          break;
        }
        case 'newCode':
          if (collapsedRef.current) toggleSide();
          setTimeout(() => document.querySelector<HTMLInputElement>('input[name=identifier]')?.focus(), 0);
          break;
        case 'viewScreen':
          if (activeChat && sessions[activeChat]?.status === 'active') {
            document.querySelector<HTMLButtonElement>(`.session-pane[data-session="${activeChat}"] [data-testid=view-screen]`)?.click();
          }
          break;
        case 'focusMessage':
        case 'endSession':
        case 'closeChat':
        case 'fullScreen':
          if (activeChat) sendCommand(action.kind, activeChat);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
  const collapsedRef = useRef(collapsed);
  collapsedRef.current = collapsed;

  return (
    <div class="shell">
      <Header user={user} onSignOut={onSignOut} route={user.role === 'admin' ? route : undefined} onShortcuts={() => setHelp(true)} />
      {admin && <ManagementCenter route={admin} user={user} />}
      {account && <AccountPage user={user} onSignedOut={onSignOut} />}
      {/* Kept mounted while the Management Center shows, so open Chat and Viewer windows carry on. */}
      <main class={`layout${collapsed ? ' layout--collapsed' : ''}`} hidden={!!admin || account} ref={layout} data-testid="layout">
        {collapsed ? (
          <SideRail onExpand={toggleSide} />
        ) : (
          <>
            <aside class="layout__side" data-testid="side" aria-label={t('layout.side')}>
              <div class="side__bar">
                <button
                  type="button"
                  class="btn btn--small btn--ghost side__collapse"
                  data-testid="collapse-side"
                  aria-expanded="true"
                  title={`${t('layout.collapse')} (${keysText('Alt+Shift+B', t)})`}
                  onClick={toggleSide}
                >
                  <Icon name="sidebar" size={16} />
                  {t('layout.collapse')}
                </button>
              </div>
              <NotificationsPrompt />
              <RequestsPanel />
              <CodeManagement />
              <SessionList />
              <OutboxPanel />
            </aside>
            <Splitter
              label={t('layout.resizeSide')}
              value={sideWidth}
              min={PANE_LIMITS.sideWidth.min}
              max={PANE_LIMITS.sideWidth.max}
              direction={1}
              testId="side-splitter"
              onResize={(width) => update({ sideWidth: width })}
              onReset={() => update({ sideWidth: null })}
            />
          </>
        )}
        <div class="layout__main">
          <ChatWorkspace />
        </div>
      </main>
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </div>
  );
}
