import { useI18n } from '../i18n/I18nProvider';
import type { ViewerStatus } from './screenStatus';

const TONE: Record<ViewerStatus, string> = {
  pending: 'warning',
  sharing: 'success',
  declined: 'danger',
  stopped: 'danger',
  off: 'neutral',
  reconnecting: 'warning',
  unavailable: 'neutral',
};

/** The screen's live status in words; `data-status` carries the machine word. */
export function ScreenStatusBadge({ status, paused }: { status: ViewerStatus; paused: boolean }) {
  const { t } = useI18n();
  return (
    <span
      class={`badge badge--${TONE[status]} badge--dot`}
      data-testid="screen-status"
      data-status={status}
      data-paused={String(paused)}
      role="status"
    >
      {t(`viewer.status.${status}`)}
      {paused && ` · ${t('viewer.paused')}`}
    </span>
  );
}
