import { useEffect, useRef, useState } from 'preact/hooks';
import { DiagnosticsWindow } from '../diagnostics/DiagnosticsWindow';
import { useI18n } from '../i18n/I18nProvider';
import { LogsWindow } from '../logs/LogsWindow';
import { openPopOut } from '../screen/popOut';
import { ViewerWindow } from '../screen/ViewerWindow';
import { onCommand } from '../shell/commands';
import { PANE_LIMITS } from '../shell/layoutPrefs';
import { useLayout } from '../shell/LayoutProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { Splitter } from '../ui/Splitter';
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
  const requestCloseRef = useRef(requestClose);
  requestCloseRef.current = requestClose;
  useEffect(
    () =>
      onCommand((command, session) => {
        if (command === 'closeChat') requestCloseRef.current(session);
      }),
    [],
  );

  const closingSession = closing ? state.sessions[closing] : undefined;

  if (state.openChats.length === 0) {
    return (
      <section class="workspace workspace--empty" data-testid="chat-workspace">
        <div class="workspace__placeholder">
          <span class="workspace__icon" aria-hidden="true">
            <Icon name="chat" size={36} />
          </span>
          <p>{t('chat.workspaceEmpty')}</p>
          <p class="hint">{t('chat.workspaceKeys')}</p>
        </div>
      </section>
    );
  }

  return (
    <section class="workspace" data-testid="chat-workspace">
      <div class="chat-tabs" role="tablist" aria-label={t('chat.openWindows')}>
        {state.openChats.map((id, index) => (
          <ChatTab
            key={id}
            id={id}
            index={index}
            session={state.sessions[id]}
            active={state.activeChat === id}
            unread={state.unread[id] ?? 0}
            onSelect={(sid) => actions.dispatch({ type: 'chatFocused', session: sid })}
            onClose={requestClose}
          />
        ))}
      </div>
      {state.openChats.map((id) => (
        <SessionPane key={id} id={id} active={state.activeChat === id} onRequestClose={requestClose} />
      ))}
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

/**
 * One session's windows side by side: Chat | Viewer | Remote Diagnostics and Log files. The Viewer is
 * as wide as its picture unless the technician dragged its splitter; the chat takes what is left.
 */
function SessionPane({ id, active, onRequestClose }: { id: string; active: boolean; onRequestClose: (id: string) => void }) {
  const { t } = useI18n();
  const { state, actions } = useConsole();
  const { prefs, update } = useLayout();
  const pane = useRef<HTMLDivElement>(null);
  const viewer = state.openViewers.includes(id);
  const popped = state.poppedViewers.includes(id);
  const diagnostics = state.openDiagnostics.includes(id);
  const logs = state.openLogs.includes(id);
  const tools = diagnostics || logs;

  useEffect(() => {
    const element = pane.current;
    if (!element) return;
    if (prefs.viewerWidth) element.style.setProperty('--viewer-w', `${prefs.viewerWidth}px`);
    else element.style.removeProperty('--viewer-w');
    element.style.setProperty('--tools-w', `${prefs.toolsWidth ?? PANE_LIMITS.toolsWidth.initial}px`);
  }, [prefs.viewerWidth, prefs.toolsWidth]);

  const viewerWidth = () => pane.current?.querySelector<HTMLElement>('.viewer')?.getBoundingClientRect().width ?? PANE_LIMITS.viewerWidth.initial;

  return (
    <div
      ref={pane}
      class="session-pane"
      hidden={!active}
      data-session={id}
      data-viewer={String(viewer)}
      data-tools={String(tools)}
    >
      <ChatWindow id={id} active={active} onRequestClose={onRequestClose} />
      {popped && (
        <div class="popped-note" role="status" data-testid="viewer-popped">
          <Icon name="popOut" size={16} />
          <span>{t('viewer.poppedOut')}</span>
          <button type="button" class="btn btn--small btn--ghost" data-testid="focus-popout" onClick={() => openPopOut(id)}>
            {t('viewer.focusPopOut')}
          </button>
          <button type="button" class="btn btn--small btn--secondary" data-testid="return-viewer" onClick={() => actions.returnViewer(id)}>
            {t('viewer.popIn')}
          </button>
        </div>
      )}
      {viewer && (
        <>
          <Splitter
            label={t('layout.resizeViewer')}
            value={prefs.viewerWidth ?? viewerWidth()}
            min={PANE_LIMITS.viewerWidth.min}
            max={PANE_LIMITS.viewerWidth.max}
            direction={-1}
            testId="viewer-splitter"
            onResize={(width) => update({ viewerWidth: width })}
            onReset={() => update({ viewerWidth: null })}
          />
          <ViewerWindow id={id} />
        </>
      )}
      {tools && (
        <>
          <Splitter
            label={t('layout.resizeTools')}
            value={prefs.toolsWidth ?? PANE_LIMITS.toolsWidth.initial}
            min={PANE_LIMITS.toolsWidth.min}
            max={PANE_LIMITS.toolsWidth.max}
            direction={-1}
            testId="tools-splitter"
            onResize={(width) => update({ toolsWidth: width })}
            onReset={() => update({ toolsWidth: null })}
          />
          <div class="session-tools">
            {diagnostics && <DiagnosticsWindow id={id} />}
            {logs && <LogsWindow id={id} />}
          </div>
        </>
      )}
    </div>
  );
}
