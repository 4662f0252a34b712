import { useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';

interface Props {
  customer: string;
  onEnd: () => Promise<void>;
  onKeep: () => void;
  onCancel: () => void;
  /** The Viewer window asks the same question in its own words. */
  title?: string;
  text?: string;
}

/** Closing the Chat (or Viewer) window of a running session: end it (the seed's way) or keep it running. */
export function CloseChatDialog({ customer, onEnd, onKeep, onCancel, title, text }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const end = async () => {
    setBusy(true);
    setError(null);
    try {
      await onEnd();
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title ?? t('chat.closeTitle')} onClose={onCancel} testId="close-dialog">
      <p class="dialog__text">{text ?? t('chat.closeText', { name: customer })}</p>
      {error && (
        <p class="form-error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      <div class="dialog__actions">
        <button type="button" class="btn btn--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="btn btn--secondary" data-testid="keep-running" onClick={onKeep}>
          {t('chat.keepRunning')}
        </button>
        <button type="button" class="btn btn--danger" data-testid="confirm-end" disabled={busy} onClick={end}>
          {busy ? t('chat.ending') : t('chat.endSession')}
        </button>
      </div>
    </Dialog>
  );
}
