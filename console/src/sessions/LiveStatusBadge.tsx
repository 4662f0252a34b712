import type { LiveStatus } from '../state/consoleState';
import { useI18n } from '../i18n/I18nProvider';

const TONE: Record<LiveStatus, string> = { connected: 'success', reconnecting: 'warning', ended: 'neutral' };

/** Connected / Reconnecting / Ended, with a dot in the status colour. */
export function LiveStatusBadge({ status }: { status: LiveStatus }) {
  const { t } = useI18n();
  return (
    <span class={`badge badge--${TONE[status]} badge--dot`} data-testid="live-status" data-status={status}>
      {t(`sessions.status.${status}`)}
    </span>
  );
}
