import { useI18n } from '../i18n/I18nProvider';
import { formatRate, type StreamRate } from './streamStats';

/**
 * "12 fps · 640 kbit/s" of the live stream; dashes while there is none. A phone sends a picture only
 * when its screen changes, so a still screen says so ("Live · no changes") rather than "0 fps",
 * which reads as frozen.
 */
export function ScreenStats({ rate }: { rate: StreamRate | null }) {
  const { t, lang } = useI18n();
  let text = t('viewer.statsIdle');
  const still = !!rate && Math.round(rate.fps) === 0;
  if (still) {
    text = t('viewer.statsStill');
  } else if (rate) {
    const parts = formatRate(rate, lang === 'es' ? 'es-ES' : 'en-GB');
    text = t('viewer.stats', {
      fps: parts.fps,
      rate: t(parts.unit === 'mbit' ? 'viewer.mbit' : 'viewer.kbit', { value: parts.bandwidth }),
    });
  }
  return (
    <span
      class="viewer__stats"
      data-testid="screen-stats"
      data-fps={rate ? Math.round(rate.fps) : ''}
      data-kbps={rate ? Math.round(rate.kbitPerSecond) : ''}
      data-still={String(still)}
      title={still ? t('viewer.statsStillHint') : t('viewer.statsLabel')}
      aria-label={`${t('viewer.statsLabel')}: ${text}`}
    >
      {text}
    </span>
  );
}
