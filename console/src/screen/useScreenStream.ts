import { useEffect, useRef, useState } from 'preact/hooks';
import { backoffDelay } from '../api/backoff';
import { sameOriginSocketUrl } from '../api/socketLike';
import type { ScreenState, Session } from '../api/types';
import { closeOutcome, viewerSocketPath, viewerStatus, wantsStream, type CloseOutcome, type ViewerStatus } from './screenStatus';
import { StreamStats, type StreamRate } from './streamStats';
import { ViewerStream } from './viewerStream';
import { loadQuality, saveQuality, type ViewerQuality } from './quality';

export interface ScreenStream {
  status: ViewerStatus;
  /** The socket is open and noVNC finished its handshake. */
  live: boolean;
  paused: boolean;
  /** The last picture, shown while paused or while the stream comes back after a drop. */
  frozen: string | null;
  rate: StreamRate | null;
  /**
   * The phone's own screen in pixels, once known (it stays known through a drop): the Viewer's fitted
   * width and its zoom follow it, not the frame, whose size the quality menu asks for.
   */
  size: { width: number; height: number } | null;
  /** The quality menu's choice (remembered in this browser). */
  quality: ViewerQuality;
  setQuality(quality: ViewerQuality): void;
  pause(): void;
  resume(): void;
  /** Forget how the socket last closed: after asking the customer again. */
  clearClose(): void;
  sendKey(keysym: number): void;
  /** What the phone last copied (ServerCutText) since this Viewer opened; null before anything was. */
  phoneClipboard: string | null;
  /** Puts text on the phone's clipboard; false when there is no live stream to send it on. */
  sendClipboard(text: string): boolean;
  /** The current picture as PNG, live or frozen; null before the first picture. */
  picture(): Promise<Blob | null>;
}

interface Closed {
  outcome: CloseOutcome;
  /** The screen state when the socket closed: a newer state from the server overrides the close. */
  screen: ScreenState | undefined;
}

/**
 * Keeps the viewer socket of one session open while the screen is shared (or being asked for) and
 * the Viewer is not paused; reads close codes into a status and reconnects where that makes sense.
 */
export function useScreenStream(
  id: string,
  session: Session | undefined,
  screen: ScreenState | undefined,
  controlGranted: boolean,
  target: { current: HTMLElement | null },
): ScreenStream {
  const [closed, setClosed] = useState<Closed | null>(null);
  const [paused, setPaused] = useState(false);
  const [live, setLive] = useState(false);
  const [frozen, setFrozen] = useState<string | null>(null);
  const [rate, setRate] = useState<StreamRate | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [phoneClipboard, setPhoneClipboard] = useState<string | null>(null);
  const [quality, setQualityState] = useState<ViewerQuality>(() => loadQuality(browserStorage()));
  const qualityRef = useRef(quality);
  qualityRef.current = quality;
  const streamRef = useRef<ViewerStream | null>(null);
  const failures = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stats = useRef(new StreamStats());
  const controlRef = useRef(controlGranted);
  controlRef.current = controlGranted;
  const screenRef = useRef(screen);
  screenRef.current = screen;
  // Read when the socket opens, so a reconnect after a 4409 goes to the node that holds the phone now.
  const ownerRef = useRef(session?.ownerNode);
  ownerRef.current = session?.ownerNode;

  const activeClose = closed && closed.screen === screen ? closed.outcome : null;
  const status = viewerStatus({ session, screen, closed: activeClose });
  const shouldConnect = !paused && wantsStream(status) && !activeClose;

  useEffect(() => {
    if (!shouldConnect || !target.current) return;
    let stream: ViewerStream | null = null;
    let cancelled = false;
    const url = sameOriginSocketUrl(viewerSocketPath(id, ownerRef.current), window.location);
    ViewerStream.open(target.current, url, !controlRef.current, qualityRef.current, {
      onConnect: () => {
        if (cancelled) return;
        failures.current = 0;
        stats.current.reset(performance.now());
        setLive(true);
      },
      onClose: (code) => {
        if (cancelled) return;
        const outcome = closeOutcome(code);
        // Keep the last picture through a drop; once the customer stopped or declined, it goes.
        setFrozen(outcome.retry === 'none' ? null : (stream?.snapshot() ?? null));
        setLive(false);
        setRate(null);
        setClosed({ outcome, screen: screenRef.current });
        if (outcome.retry !== 'none') {
          retryTimer.current = setTimeout(() => setClosed(null), backoffDelay(failures.current++));
        }
      },
      onBytes: (count) => stats.current.addBytes(count),
      onFrame: () => {
        stats.current.addFrame();
        setFrozen(null);
      },
      onResize: (width, height, phoneOwn) => {
        if (!cancelled && phoneOwn) setSize((current) => (current?.width === width && current.height === height ? current : { width, height }));
      },
      onClipboard: (text) => {
        if (!cancelled) setPhoneClipboard(text);
      },
    })
      .then((opened) => {
        if (cancelled) opened.close();
        else streamRef.current = stream = opened;
      })
      .catch(() => {
        // noVNC failed to load or the socket could not be created: retry like a dropped connection.
        if (cancelled) return;
        setClosed({ outcome: { status: 'reconnecting', retry: 'backoff' }, screen: screenRef.current });
        retryTimer.current = setTimeout(() => setClosed(null), backoffDelay(failures.current++));
      });
    return () => {
      cancelled = true;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      stream?.close();
      if (streamRef.current === stream) streamRef.current = null;
      setLive(false);
      setRate(null);
    };
  }, [shouldConnect, id]);

  // Once the screen is no longer shared (stopped, declined, off), the last picture goes and so does a pause:
  // nothing of the customer's screen stays on show, and asking again starts a live stream.
  const over = status !== 'sharing' && status !== 'pending' && status !== 'reconnecting';
  useEffect(() => {
    if (!over) return;
    setFrozen(null);
    setPaused(false);
  }, [over]);

  // 4033: the phone is back (the console socket said so): come back at once rather than after the back-off.
  const phoneConnected = !!session?.customerConnected;
  useEffect(() => {
    if (phoneConnected && closed?.outcome.retry === 'whenPhoneBack') {
      if (retryTimer.current) clearTimeout(retryTimer.current);
      setClosed(null);
    }
  }, [phoneConnected]);

  useEffect(() => {
    if (streamRef.current) streamRef.current.viewOnly = !controlGranted;
  }, [controlGranted, live]);

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => setRate(stats.current.sample(performance.now())), 1000);
    return () => clearInterval(timer);
  }, [live]);

  useEffect(() => () => {
    if (retryTimer.current) clearTimeout(retryTimer.current);
  }, []);

  return {
    status,
    live,
    paused,
    frozen,
    rate,
    size,
    quality,
    setQuality(next) {
      setQualityState(next);
      saveQuality(browserStorage(), next);
      streamRef.current?.setQuality(next);
    },
    pause() {
      setFrozen(streamRef.current?.snapshot() ?? frozen);
      setPaused(true);
    },
    resume() {
      setPaused(false);
    },
    clearClose() {
      if (retryTimer.current) clearTimeout(retryTimer.current);
      failures.current = 0;
      setClosed(null);
    },
    phoneClipboard,
    sendClipboard(text) {
      if (!live || !streamRef.current) return false;
      streamRef.current.pasteToPhone(text);
      return true;
    },
    sendKey(keysym) {
      streamRef.current?.sendKey(keysym);
      streamRef.current?.focus();
    },
    async picture() {
      if (live && streamRef.current) return streamRef.current.pngBlob();
      if (!frozen) return null;
      return (await fetch(frozen)).blob();
    },
  };
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
