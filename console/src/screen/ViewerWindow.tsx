import { useEffect, useRef, useState } from 'preact/hooks';
import { keysText } from '../shell/shortcuts';
import { errorMessage } from '../api/http';
import { CloseChatDialog } from '../chat/CloseChatDialog';
import { capabilityReason } from '../chat/capabilityReason';
import { useI18n } from '../i18n/I18nProvider';
import { onCommand } from '../shell/commands';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';
import { openPopOut } from './popOut';
import { controlButton } from './screenControls';
import { ClipboardControl } from './ClipboardControl';
import { DrawingTools, DrawingsHiddenBadge, useDrawingTools } from './DrawingTools';
import { QualityMenu } from './QualityMenu';
import { ScreenStats } from './ScreenStats';
import { ScreenStatusBadge } from './ScreenStatusBadge';
import { RecordingBadge } from '../recordings/RecordingBadge';
import { ViewerMessage } from './ViewerMessage';
import { ToolButton, ToolGroup } from './ViewerToolbar';
import { controlStatus } from './screenStatus';
import { downloadBlob, screenshotName } from './screenshot';
import { SOFT_KEYS } from './softKeys';
import { useScreenStream } from './useScreenStream';
import { nextZoom, type Zoom } from './zoom';

interface Props {
  id: string;
  /** `pane`: next to the Chat window; `popout`: alone in a browser window of its own. */
  mode?: 'pane' | 'popout';
  /** The pop-out window brings the Viewer back into the console and closes. */
  onReturn?: () => void;
}

/** Space the Viewer needs beside the picture (borders); its toolbar never wraps, so the width never feeds back. */
const FRAME = 2;

/**
 * The Viewer window of one session: the phone's screen live (noVNC over /ws/screen/{session}), soft
 * keys, control, pause, screenshot, zoom (fit, 1:1, in and out), full screen and a window of its own.
 * Next to the Chat window it is as wide as the picture needs at the pane's height; closing it ends
 * the session, asking first.
 */
export function ViewerWindow({ id, mode = 'pane', onReturn }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const { state, actions } = useConsole();
  const session = state.sessions[id];
  const screen = state.screens[id];
  const control = controlStatus(screen);
  const granted = control === 'granted';
  const root = useRef<HTMLElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const target = useRef<HTMLDivElement>(null);
  const stream = useScreenStream(id, session, screen, granted, target);
  const drawing = useDrawingTools(id, screen, stream.live, target);
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [fullScreen, setFullScreen] = useState(false);
  const [stageSize, setStageSize] = useState<{ width: number; height: number } | null>(null);

  const customer = session?.customerName || t('sessions.customer');
  const active = session?.status === 'active';
  const streaming = stream.status === 'sharing' || stream.status === 'pending';
  const picture = stream.size;

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

  const controlState = session ? controlButton({ session, screen, viewerOpen: true, busy }) : null;
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
    else if (mode === 'popout') window.close();
    else actions.closeViewer(id);
  };

  const toggleFullScreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void root.current?.requestFullscreen?.().catch(() => {});
  };

  const popOut = () => {
    if (!openPopOut(id)) {
      toast(t('viewer.popOutBlocked'), 'error');
      return;
    }
    actions.popOutViewer(id);
  };

  useEffect(() => {
    const onChange = () => setFullScreen(!!root.current && document.fullscreenElement === root.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(
    () =>
      onCommand((command, session) => {
        if (session === id && command === 'fullScreen') toggleFullScreen();
      }),
    [id],
  );

  // The stage's size decides the picture's size at "fit", and with it how wide the Viewer is.
  useEffect(() => {
    const element = stage.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setStageSize((current) => (current && Math.abs(current.width - width) < 1 && Math.abs(current.height - height) < 1 ? current : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // At "fit", as wide as the picture at the stage's height (the chat takes the rest); zoomed, the
  // picture has its own size and the stage scrolls.
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    if (picture && stageSize && stageSize.height > 0) {
      element.style.setProperty('--viewer-fit-w', `${Math.ceil((stageSize.height * picture.width) / picture.height) + FRAME}px`);
    }
    const screenElement = target.current;
    if (screenElement && picture && zoom !== 'fit') {
      screenElement.style.setProperty('--screen-w', `${Math.round(picture.width * zoom)}px`);
      screenElement.style.setProperty('--screen-h', `${Math.round(picture.height * zoom)}px`);
    }
  }, [picture?.width, picture?.height, stageSize?.height, zoom]);

  const fitScale = picture && stageSize ? Math.min(stageSize.width / picture.width, stageSize.height / picture.height) : 1;
  const scale = zoom === 'fit' ? fitScale : zoom;
  const showPicture = stream.live || !!stream.frozen;
  const percent = Math.round(scale * 100);

  return (
    <section
      class={`viewer viewer--${mode}`}
      ref={root}
      data-testid="viewer"
      data-session={id}
      data-control={control}
      data-zoom={zoom === 'fit' ? 'fit' : String(zoom)}
      data-fullscreen={String(fullScreen)}
      aria-label={`${t('viewer.title')}: ${customer}`}
    >
      <header class="viewer__bar">
        <h2 class="viewer__name">{mode === 'popout' ? customer : t('viewer.title')}</h2>
        <ScreenStatusBadge status={stream.status} paused={stream.paused} />
        <span class={`badge badge--${granted ? 'info' : 'neutral'}`} data-testid="control-status" data-status={control}>
          {granted ? t('viewer.controlGranted') : t('viewer.viewOnly')}
        </span>
        <DrawingsHiddenBadge screen={screen} />
        <RecordingBadge screen={screen} />
        <ScreenStats rate={stream.live ? stream.rate : null} />
        {/* Window controls, as on any window's title bar. */}
        <ToolButton
          icon="eyeOff"
          label={t('viewer.stopViewing')}
          testId="stop-viewing"
          iconOnly
          ghost
          disabled={!active || busy}
          onClick={() => run(() => actions.stopViewing(id))}
        />
        <ToolButton
          icon={fullScreen ? 'fullscreenExit' : 'fullscreen'}
          label={fullScreen ? t('viewer.exitFullScreen') : t('viewer.fullScreen')}
          testId="full-screen"
          pressed={fullScreen}
          iconOnly
          ghost
          shortcut={keysText('Alt+Shift+F', t)}
          onClick={toggleFullScreen}
        />
        {mode === 'pane' ? (
          <ToolButton icon="popOut" label={t('viewer.popOut')} title={t('viewer.popOutHint')} testId="pop-out" iconOnly ghost onClick={popOut} />
        ) : (
          <ToolButton icon="popIn" label={t('viewer.popIn')} testId="pop-in" iconOnly ghost onClick={() => onReturn?.()} />
        )}
        <button
          type="button"
          class="btn btn--icon viewer__close"
          data-testid="close-viewer"
          title={t('viewer.close')}
          aria-label={t('viewer.close')}
          onClick={requestClose}
        >
          <Icon name="close" />
        </button>
      </header>

      {/*
        The toolbar: groups of ToolButtons that never wrap (the picture's size depends on the height
        above it). A new control goes into a group here, or into a ToolGroup of its own.
      */}
      <div class="viewer__toolbar" role="toolbar" aria-label={t('viewer.toolbar')}>
        <ToolGroup name="control">
          {controlState && (
            <ToolButton
              icon="hand"
              label={t(controlState.label)}
              testId="toggle-control"
              primary={!granted}
              pressed={controlState.pressed}
              disabled={controlState.disabled}
              title={session?.capabilities?.control !== true ? capabilityReason(session, 'control', t) || t('screen.noReason') : undefined}
              onClick={toggleControl}
            />
          )}
        </ToolGroup>
        <DrawingTools tool={drawing.tool} setTool={drawing.setTool} usable={drawing.usable} available={!!drawing.surface} />
        <ToolGroup name="stream">
          <ToolButton
            icon={stream.paused ? 'play' : 'pause'}
            label={stream.paused ? t('viewer.resume') : t('viewer.pause')}
            testId="pause"
            pressed={stream.paused}
            disabled={!streaming}
            onClick={stream.paused ? stream.resume : stream.pause}
          />
          <ToolButton icon="camera" label={t('viewer.screenshot')} testId="screenshot" disabled={!showPicture} onClick={screenshot} />
        </ToolGroup>
        <ToolGroup name="quality">
          <QualityMenu value={stream.quality} onChange={stream.setQuality} />
        </ToolGroup>
        <ToolGroup name="zoom">
          <ToolButton icon="fit" label={t('viewer.zoomFit')} title={t('viewer.zoomFitHint')} testId="zoom-fit" pressed={zoom === 'fit'} onClick={() => setZoom('fit')} />
          <ToolButton text={t('viewer.zoomActual')} label={t('viewer.zoomActualHint')} testId="zoom-actual" pressed={zoom === 1} disabled={!picture} onClick={() => setZoom(1)} />
          <ToolButton icon="zoomOut" label={t('viewer.zoomOut')} testId="zoom-out" iconOnly disabled={!picture} onClick={() => setZoom(nextZoom(scale, -1))} />
          <span class="viewer__zoom-level" data-testid="zoom-level" aria-live="polite">
            {t('viewer.zoomLevel', { percent })}
          </span>
          <ToolButton icon="zoomIn" label={t('viewer.zoomIn')} testId="zoom-in" iconOnly disabled={!picture} onClick={() => setZoom(nextZoom(scale, 1))} />
        </ToolGroup>
        <ToolGroup name="input">
          <ClipboardControl enabled={granted && stream.live} fromPhone={stream.phoneClipboard} send={stream.sendClipboard} />
        </ToolGroup>
      </div>

      <div class={`viewer__stage${zoom === 'fit' ? '' : ' viewer__stage--zoomed'}`} ref={stage}>
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
          reason={capabilityReason(session, 'screen', t)}
          ended={!active}
          canAsk={active && !!session?.customerConnected && !busy}
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
            if (mode === 'popout') window.close();
          }}
          onEnd={async () => {
            await actions.endSession(id);
            setClosing(false);
            actions.closeViewer(id);
            if (mode === 'popout') window.close();
          }}
        />
      )}
    </section>
  );
}
