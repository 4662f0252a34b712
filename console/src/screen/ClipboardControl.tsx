import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/Icon';
import { useToast } from '../ui/Toast';

interface Props {
  /** Control is granted and the stream is live: only then does the phone take or give its clipboard. */
  enabled: boolean;
  /** What the phone copied last, or null. */
  fromPhone: string | null;
  send(text: string): boolean;
}

/**
 * The Viewer's clipboard button and its small panel: text for the phone's clipboard (RFB cut text,
 * then Ctrl+V or the phone's own Paste puts it in a field), and what the phone copied, ready to copy
 * into the technician's own clipboard. Self-contained: the Viewer only places the button.
 */
export function ClipboardControl({ enabled, fromPhone, send }: Props) {
  const { t } = useI18n();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');

  const sendToPhone = (event: Event) => {
    event.preventDefault();
    if (!text) return;
    if (send(text)) {
      toast(t('viewer.clipboard.sent'), 'info');
      setText('');
    } else {
      toast(t('viewer.clipboard.notLive'), 'error');
    }
  };

  const copyFromPhone = async () => {
    if (fromPhone === null) return;
    try {
      await navigator.clipboard.writeText(fromPhone);
      toast(t('viewer.clipboard.copied'), 'info');
    } catch {
      toast(t('viewer.clipboard.copyFailed'), 'error');
    }
  };

  return (
    <div class="clipboard-control">
      <button
        type="button"
        class="btn btn--small btn--secondary"
        data-testid="clipboard"
        aria-expanded={open}
        aria-controls="viewer-clipboard-panel"
        disabled={!enabled}
        title={enabled ? t('viewer.clipboard.hint') : t('viewer.softKeysHint')}
        onClick={() => setOpen(!open)}
      >
        <Icon name="copy" size={16} />
        {t('viewer.clipboard')}
      </button>
      {open && enabled && (
        <div class="clipboard-control__panel" id="viewer-clipboard-panel" data-testid="clipboard-panel" role="group" aria-label={t('viewer.clipboard')}>
          <form onSubmit={sendToPhone}>
            <label class="clipboard-control__label" for="viewer-clipboard-text">
              {t('viewer.clipboard.toPhone')}
            </label>
            <textarea
              id="viewer-clipboard-text"
              data-testid="clipboard-text"
              rows={2}
              maxLength={4000}
              value={text}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            />
            <button type="submit" class="btn btn--small btn--primary" data-testid="clipboard-send" disabled={!text}>
              {t('viewer.clipboard.send')}
            </button>
          </form>
          <div class="clipboard-control__label">{t('viewer.clipboard.fromPhone')}</div>
          {fromPhone === null ? (
            <p class="clipboard-control__empty" data-testid="clipboard-from-phone-empty">
              {t('viewer.clipboard.nothingYet')}
            </p>
          ) : (
            <div class="clipboard-control__received">
              <pre data-testid="clipboard-from-phone">{fromPhone}</pre>
              <button type="button" class="btn btn--small btn--secondary" data-testid="clipboard-copy" onClick={copyFromPhone}>
                {t('viewer.clipboard.copy')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
