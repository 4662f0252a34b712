import type { ScreenState } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Whether the server records this screen (issue 18.6): "Recorded", or why not although the portal
 * records (the storage limit), or that the recording stopped early. Nothing when the portal does not record.
 */
export function RecordingBadge({ screen }: { screen: ScreenState | undefined }) {
  const { t } = useI18n();
  const recording = screen?.recording;
  if (!recording || recording === 'off') return null;
  const tone = recording === 'recording' ? 'danger' : 'warning';
  const text = recording === 'recording' ? t('screen.recording.on') : recording === 'limit' ? t('screen.recording.limit') : t('screen.recording.stopped');
  return (
    <span class={`badge badge--${tone}`} data-testid="recording-status" data-status={recording} title={text}>
      {text}
    </span>
  );
}
