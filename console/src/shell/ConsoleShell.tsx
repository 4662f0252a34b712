import { AccountPage } from '../account/AccountPage';
import { ManagementCenter } from '../admin/ManagementCenter';
import { useRoute } from '../admin/useRoute';
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
  const route = useRoute();
  // Administrators only; a technician at #/admin/... simply sees the console (the server guards the data).
  const admin = user.role === 'admin' && route.view === 'admin' ? route : null;
  const account = route.view === 'account';
  return (
    <ConsoleProvider>
      <RequestsProvider>
      <div class="shell">
        <Header user={user} onSignOut={onSignOut} route={user.role === 'admin' ? route : undefined} />
        {admin && <ManagementCenter route={admin} user={user} />}
        {account && <AccountPage user={user} onSignedOut={onSignOut} />}
        {/* Kept mounted while the Management Center shows, so open Chat and Viewer windows carry on. */}
        <main class="layout" hidden={!!admin || account}>
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
