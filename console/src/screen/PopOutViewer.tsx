import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { popOutChannel, type PopOutChannel } from './popOut';
import { ViewerWindow } from './ViewerWindow';

/**
 * A session's Viewer alone in a browser window (`#/viewer/{session}`), e.g. on a second screen. It has
 * its own console connection; it tells the console when it opens and closes, and closes itself when
 * the console takes the Viewer back.
 */
export function PopOutViewer({ id }: { id: string }) {
  const { t } = useI18n();
  const { state, actions } = useConsole();
  const channel = useRef<PopOutChannel | null>(null);
  const session = state.sessions[id];

  useEffect(() => {
    actions.reloadChat(id).catch(() => {});
    actions.openViewer(id);
    const opened = popOutChannel((message) => {
      if (message.type === 'rollCall') opened.post({ type: 'open', session: id });
      else if (message.type === 'return' && message.session === id) window.close();
    });
    channel.current = opened;
    opened.post({ type: 'open', session: id });
    const gone = () => opened.post({ type: 'closed', session: id });
    window.addEventListener('pagehide', gone);
    return () => {
      window.removeEventListener('pagehide', gone);
      opened.close();
    };
  }, [id]);

  useEffect(() => {
    document.title = `${t('viewer.popOutTitle', { name: session?.customerName || t('sessions.customer') })} · Tandem`;
  }, [session?.customerName, t]);

  return (
    <div class="popout" data-testid="popout">
      <ViewerWindow
        id={id}
        mode="popout"
        onReturn={() => {
          channel.current?.post({ type: 'return', session: id });
          window.close();
        }}
      />
    </div>
  );
}
