import { useRef, useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import { CloseChatDialog } from '../chat/CloseChatDialog';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { QualityMenu } from './QualityMenu';
import { ScreenStats } from './ScreenStats';
import { ScreenStatusBadge } from './ScreenStatusBadge';
import { ViewerMessage } from './ViewerMessage';
import { controlStatus } from './screenStatus';
import { downloadBlob, screenshotName } from './screenshot';
import { SOFT_KEYS } from './softKeys';
import { useScreenStream } from './useScreenStream';

/**
 * The Viewer window of one session, next to its Chat window: the phone's screen live (noVNC over
 * /ws/screen/{session}), soft keys, control, pause, screenshot. Closing it ends the session, asking first.
 */
export function ViewerWindow({ id }: { id: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const { state, actions } = useConsole();
  const session = state.sessions[id];
  const screen = state.screens[id];
  const control = controlStatus(screen);
  const granted = control === 'granted';
  const target = useRef<HTMLDivElement>(null);
  const stream = useScreenStream(id, session, screen, granted, target);
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);

  const customer = session?.customerName || t('sessions.customer');
  const active = session?.status === 'active';
  const connected = active && !!session?.customerConnected;
  const streaming = stream.status === 'sharing' || stream.status === 'pending';
  const controlAvailable = session?.capabilities?.control === true;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      toast(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }), 'error');
    } finally {
      setBusy(false);
    }
  };

  const askAgain = () =>
    run(async () => {
      stream.clearClose();
      await actions.requestScreen(id, false);
    });

  const toggleControl = () =>
    run(async () => {
      if (!granted) stream.clearClose();
      await actions.requestScreen(id, !granted);
    });

  const screenshot = async () => {
    const blob = await stream.picture();
    if (!blob) {
      toast(t('viewer.screenshotNone'), 'info');
      return;
    }
    downloadBlob(blob, screenshotName(id, new Date()));
  };

  const requestClose = () => {
    if (active) setClosing(true);
    else actions.closeViewer(id);
  };

  const controlLabel = granted ? t('viewer.releaseControl') : control === 'pending' ? t('viewer.controlPending') : t('viewer.requestControl');
  const showPicture = stream.live || !!stream.frozen;

  return (
    <section
      class="viewer"
      data-testid="viewer"
      data-session={id}
      data-control={control}
      aria-label={`${t('viewer.title')}: ${customer}`}
    >
      <header class="viewer__header">
        <div class="viewer__title">
          <h2 class="viewer__name">{t('viewer.title')}</h2>
          <ScreenStatusBadge status={stream.status} paused={stream.paused} />
          <span class={`badge badge--${granted ? 'info' : 'neutral'}`} data-testid="control-status" data-status={control}>
            {granted ? t('viewer.controlGranted') : t('viewer.viewOnly')}
          </span>
        </div>
        <ScreenStats rate={stream.live ? stream.rate : null} />
        <button
          type="button"
          class="btn btn--icon"
          data-testid="close-viewer"
          title={t('viewer.close')}
          aria-label={t('viewer.close')}
          onClick={requestClose}
        >
          <Icon name="close" />
        </button>
      </header>

      <div class="viewer__toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
        <button
          type="button"
          class={`btn btn--small ${granted ? 'btn--secondary' : 'btn--primary'}`}
          data-testid="toggle-control"
          aria-pressed={granted}
          disabled={!connected || !controlAvailable || control === 'pending' || busy}
          title={!controlAvailable ? session?.capabilityReasons?.control || t('screen.noReason') : undefined}
          onClick={toggleControl}
        >
          <Icon name="hand" size={16} />
          {controlLabel}
        </button>
        <button
          type="button"
          class="btn btn--small btn--secondary"
          data-testid="pause"
          aria-pressed={stream.paused}
          disabled={!streaming}
          onClick={stream.paused ? stream.resume : stream.pause}
        >
          <Icon name={stream.paused ? 'play' : 'pause'} size={16} />
          {stream.paused ? t('viewer.resume') : t('viewer.pause')}
        </button>
        <QualityMenu value={stream.quality} onChange={stream.setQuality} />
        <button type="button" class="btn btn--small btn--secondary" data-testid="screenshot" disabled={!showPicture} onClick={screenshot}>
          <Icon name="camera" size={16} />
          {t('viewer.screenshot')}
        </button>
        <button
          type="button"
          class="btn btn--small btn--ghost"
          data-testid="stop-viewing"
          disabled={!active || busy}
          onClick={() => run(() => actions.stopViewing(id))}
        >
          <Icon name="eyeOff" size={16} />
          {t('viewer.stopViewing')}
        </button>
      </div>

      <div class="viewer__stage">
        <div
          class="viewer__screen"
          role="region"
          aria-label={t('viewer.picture', { name: customer })}
          data-live={String(stream.live)}
          ref={target}
        />
        {stream.frozen && !stream.live && (
          <img class="viewer__frozen" src={stream.frozen} alt={t('viewer.picture', { name: customer })} data-testid="frozen-picture" />
        )}
        <ViewerMessage
          status={stream.status}
          live={stream.live}
          paused={stream.paused}
          customer={customer}
          reason={session?.capabilityReasons?.screen}
          ended={!active}
          canAsk={connected && !busy}
          onAskAgain={askAgain}
        />
      </div>

      <div class="viewer__softkeys" role="group" aria-label={t('viewer.softKeys')}>
        {SOFT_KEYS.map((key) => (
          <button
            key={key.id}
            type="button"
            class="btn btn--small btn--secondary viewer__key"
            data-testid={`key-${key.id}`}
            disabled={!granted || !stream.live}
            title={granted ? t(key.label) : t('viewer.softKeysHint')}
            aria-label={t(key.label)}
            onClick={() => stream.sendKey(key.keysym)}
          >
            <Icon name={key.id === 'back' ? 'keyBack' : key.id === 'home' ? 'keyHome' : 'keyRecents'} size={16} />
            <span>{t(key.label)}</span>
          </button>
        ))}
      </div>

      {closing && (
        <CloseChatDialog
          customer={customer}
          title={t('viewer.closeTitle')}
          text={t('viewer.closeText', { name: customer })}
          onCancel={() => setClosing(false)}
          onKeep={() => {
            setClosing(false);
            actions.stopViewing(id).catch(() => actions.closeViewer(id));
          }}
          onEnd={async () => {
            await actions.endSession(id);
            setClosing(false);
            actions.closeViewer(id);
          }}
        />
      )}
    </section>
  );
}
