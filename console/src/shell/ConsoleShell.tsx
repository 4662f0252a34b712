import type { User } from '../api/types';
import { ChatWorkspace } from '../chat/ChatWorkspace';
import { CodeManagement } from '../codes/CodeManagement';
import { OutboxPanel } from '../outbox/OutboxPanel';
import { RequestsPanel } from '../requests/RequestsPanel';
import { RequestsProvider } from '../requests/RequestsProvider';
import { SessionList } from '../sessions/SessionList';
import { ConsoleProvider } from '../state/ConsoleProvider';
import { Header } from './Header';

/** The signed-in console: codes and sessions on the left, the Chat windows on the right. */
export function ConsoleShell({ user, onSignOut }: { user: User; onSignOut: () => void }) {
  return (
    <ConsoleProvider>
      <RequestsProvider>
      <div class="shell">
        <Header user={user} onSignOut={onSignOut} />
        <main class="layout">
          <div class="layout__side">
            <RequestsPanel />
            <CodeManagement />
            <SessionList />
            <OutboxPanel />
          </div>
          <div class="layout__main">
            <ChatWorkspace />
          </div>
        </main>
      </div>
      </RequestsProvider>
    </ConsoleProvider>
  );
}
