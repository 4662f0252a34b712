import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MessageItem } from '../chat/MessageItem';
import type { ChatMessage } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { ConfirmDialog, useErrorText } from '../admin/parts';
import { units } from '../diagnostics/units';
import { RecordingPlayback } from './playback';
import { recordingApi, type RecordingInfo } from './recordingApi';
import { segmentsOf, spanOf, type RecordingContents } from './recordingFile';

const SPEEDS = [1, 2, 4] as const;
const TICK_MS = 100;

/** m:ss of a span in milliseconds. */
function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A session's recording in its history page (issue 18.6): the screen as the technician's viewer
 * showed it, decoded by the Viewer's own noVNC, with a timeline to seek, 1x/2x/4x, and the chat as it
 * stood at that moment. The file is loaded on the first Play (that is what the audit log calls
 * played back). Renders nothing when the session has no recording.
 */
export function RecordingPlayer({ session, canDelete }: { session: string; canDelete: boolean }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [info, setInfo] = useState<RecordingInfo | null | undefined>(undefined);
  const [contents, setContents] = useState<RecordingContents | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);
  const [position, setPosition] = useState(0);
  /** The position noVNC last finished drawing (tests wait for it to equal the position). */
  const [drawnAt, setDrawnAt] = useState<number | null>(null);
  const [showing, setShowing] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const target = useRef<HTMLDivElement>(null);
  const playback = useRef<RecordingPlayback | null>(null);

  useEffect(() => {
    let live = true;
    recordingApi.info(session).then(
      (loaded) => live && setInfo(loaded),
      (e) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [session]);

  const span = useMemo(() => (contents ? spanOf(contents) : null), [contents]);
  const duration = span ? span.end - span.start : 0;

  useEffect(() => {
    if (!contents || !target.current) return;
    const player = new RecordingPlayback(target.current, segmentsOf(contents.entries));
    playback.current = player;
    return () => {
      player.close();
      playback.current = null;
    };
  }, [contents]);

  // The screen follows the position; `drawnAt` says which position noVNC has drawn (tests wait for it).
  useEffect(() => {
    if (!span || !playback.current) return;
    let current = true;
    playback.current.show(span.start + position).then((shown) => {
      if (!current) return;
      setShowing(shown);
      setDrawnAt(position);
    });
    return () => {
      current = false;
    };
  }, [position, span]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const step = (now - last) * speed;
      last = now;
      setPosition((p) => {
        const next = Math.min(duration, p + step);
        if (next >= duration) setPlaying(false);
        return next;
      });
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, duration]);

  if (info === undefined && !error) return null;
  if (info === null) return null;

  const play = async () => {
    if (contents) {
      if (position >= duration) setPosition(0);
      setPlaying(true);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setContents(await recordingApi.load(session));
      setPlaying(true);
    } catch (e) {
      setError(t('recording.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setLoading(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await recordingApi.remove(session);
      setConfirming(false);
      playback.current?.close();
      setContents(null);
      setInfo(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const now = span ? span.start + position : 0;
  const transcript = (contents?.header.transcript ?? []) as ChatMessage[];
  const spoken = contents ? transcript.filter((m) => Date.parse(m.at) <= now) : [];
  const missing = info?.parts.find((p) => p.incomplete)?.incomplete;

  return (
    <section
      class="card mc-card recording"
      aria-labelledby="h-recording"
      data-testid="recording-player"
      data-start={span?.start}
      data-duration={duration}
      data-position={Math.round(position)}
      data-drawn-at={drawnAt === null ? '' : Math.round(drawnAt)}
    >
      <header class="card__header">
        <h2 class="card__title" id="h-recording">
          {t('recording.title')}
        </h2>
        {info && <span class="badge badge--neutral">{units(lang).bytes(info.bytes)}</span>}
        {info && (
          <a class="btn btn--secondary btn--small" href={recordingApi.fileUrl(session)} data-testid="recording-download">
            {t('recording.download')}
          </a>
        )}
        {canDelete && info && (
          <button type="button" class="btn btn--danger btn--small" data-testid="recording-delete" onClick={() => setConfirming(true)}>
            {t('recording.delete')}
          </button>
        )}
      </header>
      <div class="card__body">
        {missing && <p class="callout callout--info">{t('recording.incomplete', { reason: missing })}</p>}
        {error && (
          <p class="callout callout--error" role="alert">
            {error}
          </p>
        )}
        <div class="recording__stage">
          <div class="recording__screen" ref={target} data-testid="recording-screen" />
          {contents && !showing && <p class="recording__blank">{t('recording.noScreen')}</p>}
        </div>
        <div class="recording__controls">
          <button
            type="button"
            class="btn btn--primary btn--small"
            data-testid="recording-play"
            disabled={loading}
            onClick={() => (playing ? setPlaying(false) : void play())}
          >
            {loading ? t('recording.loading') : playing ? t('recording.pause') : t('recording.play')}
          </button>
          <input
            type="range"
            class="recording__timeline"
            data-testid="recording-timeline"
            aria-label={t('recording.position')}
            min={0}
            max={duration}
            step={1}
            value={position}
            disabled={!contents}
            onInput={(e) => setPosition(Number((e.target as HTMLInputElement).value))}
          />
          <span class="recording__time" data-testid="recording-time">
            {clock(position)} / {clock(duration)}
          </span>
          <label class="recording__speed">
            {t('recording.speed')}{' '}
            <select
              data-testid="recording-speed"
              value={String(speed)}
              onChange={(e) => setSpeed(Number((e.target as HTMLSelectElement).value) as (typeof SPEEDS)[number])}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={String(s)}>
                  {s}x
                </option>
              ))}
            </select>
          </label>
        </div>
        {contents && (
          <div class="recording__transcript" data-testid="recording-transcript">
            <h3 class="recording__subtitle">{t('recording.transcript')}</h3>
            <ol class="transcript mc-transcript">
              {spoken.map((m) => (
                <MessageItem key={m.seq} message={m} />
              ))}
            </ol>
          </div>
        )}
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('recording.delete')}
          text={t('recording.deleteConfirm')}
          confirm={t('recording.delete')}
          danger
          busy={busy}
          error={error}
          onConfirm={() => void remove()}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
