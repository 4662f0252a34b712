import { useI18n } from '../i18n/I18nProvider';
import type { ViewerStatus } from './screenStatus';

interface Props {
  status: ViewerStatus;
  live: boolean;
  paused: boolean;
  customer: string;
  /** The phone's own reason when it cannot share. */
  reason?: string;
  ended: boolean;
  canAsk: boolean;
  onAskAgain: () => void;
}

/** What the picture area says when there is no live picture, and the button to ask the customer again. */
export function ViewerMessage({ status, live, paused, customer, reason, ended, canAsk, onAskAgain }: Props) {
  const { t } = useI18n();
  if (live || (paused && (status === 'sharing' || status === 'pending'))) return null;
  let text: string;
  if (ended) text = t('chat.ended');
  else if (status === 'sharing') text = t('viewer.msg.connecting');
  else if (status === 'unavailable') text = reason || t('viewer.msg.unavailable');
  else text = t(`viewer.msg.${status}`, { name: customer });
  const ask = !ended && (status === 'stopped' || status === 'declined' || status === 'off');
  return (
    <div class={`viewer__message viewer__message--${status}`} data-testid="viewer-message" role="status">
      <p>{text}</p>
      {ask && (
        <button type="button" class="btn btn--small btn--primary" data-testid="ask-again" disabled={!canAsk} onClick={onAskAgain}>
          {t('viewer.askAgain')}
        </button>
      )}
    </div>
  );
}
