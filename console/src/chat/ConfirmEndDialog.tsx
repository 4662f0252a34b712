import { useState } from 'preact/hooks';
import { errorMessage } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { Dialog } from '../ui/Dialog';

interface Props {
  customer: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** "End this session?" behind the End session button. */
export function ConfirmEndDialog({ customer, onConfirm, onClose }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (e) {
      setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('chat.confirmEndTitle')} onClose={onClose} testId="end-dialog">
      <p class="dialog__text">{t('chat.confirmEndText', { name: customer })}</p>
      {error && (
        <p class="form-error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      <div class="dialog__actions">
        <button type="button" class="btn btn--secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" class="btn btn--danger" data-testid="confirm-end" disabled={busy} onClick={confirm}>
          {busy ? t('chat.ending') : t('chat.endSession')}
        </button>
      </div>
    </Dialog>
  );
}
