import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { DiagnosticsWindow } from '../diagnostics/DiagnosticsWindow';
import { LogsWindow } from '../logs/LogsWindow';
import { ViewerWindow } from '../screen/ViewerWindow';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { ChatTab } from './ChatTab';
import { ChatWindow } from './ChatWindow';
import { CloseChatDialog } from './CloseChatDialog';

/** The open Chat windows as tabs. Closing the window of a running session asks whether to end it. */
export function ChatWorkspace() {
  const { t } = useI18n();
  const { state, actions } = useConsole();
  const [closing, setClosing] = useState<string | null>(null);

  const requestClose = (id: string) => {
    if (state.sessions[id]?.status === 'active') setClosing(id);
    else actions.closeChat(id);
  };

  const closingSession = closing ? state.sessions[closing] : undefined;

  if (state.openChats.length === 0) {
    return (
      <section class="workspace workspace--empty" data-testid="chat-workspace">
        <div class="workspace__placeholder">
          <span class="workspace__icon" aria-hidden="true">
            <Icon name="chat" size={36} />
          </span>
          <p>{t('chat.workspaceEmpty')}</p>
        </div>
      </section>
    );
  }

  return (
    <section class="workspace" data-testid="chat-workspace">
      <div class="chat-tabs" role="tablist" aria-label={t('chat.openWindows')}>
        {state.openChats.map((id) => (
          <ChatTab
            key={id}
            id={id}
            session={state.sessions[id]}
            active={state.activeChat === id}
            unread={state.unread[id] ?? 0}
            onSelect={(sid) => actions.dispatch({ type: 'chatFocused', session: sid })}
            onClose={requestClose}
          />
        ))}
      </div>
      {state.openChats.map((id) => {
        const diagnostics = state.openDiagnostics.includes(id);
        const logs = state.openLogs.includes(id);
        return (
          <div
            key={id}
            class="session-pane"
            hidden={state.activeChat !== id}
            data-viewer={String(state.openViewers.includes(id))}
            data-tools={String(diagnostics || logs)}
          >
            <ChatWindow id={id} active={state.activeChat === id} onRequestClose={requestClose} />
            {state.openViewers.includes(id) && <ViewerWindow id={id} />}
            {(diagnostics || logs) && (
              <div class="session-tools">
                {diagnostics && <DiagnosticsWindow id={id} />}
                {logs && <LogsWindow id={id} />}
              </div>
            )}
          </div>
        );
      })}
      {closing && (
        <CloseChatDialog
          customer={closingSession?.customerName || t('sessions.customer')}
          onCancel={() => setClosing(null)}
          onKeep={() => {
            // The Viewer goes with its Chat window; nobody watches the screen any more, so stop sharing it.
            if (state.openViewers.includes(closing)) actions.stopViewing(closing).catch(() => {});
            actions.closeChat(closing);
            setClosing(null);
          }}
          onEnd={async () => {
            await actions.endSession(closing);
            actions.closeChat(closing);
            setClosing(null);
          }}
        />
      )}
    </section>
  );
}
