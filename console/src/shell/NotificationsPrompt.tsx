import { localStorageOrNull, readItem, writeItem } from '../ui/browserStorage';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { askForNotifications, notificationState } from './attention';

const DISMISSED = 'tandem.notifications.dismissed';

/**
 * Offers desktop notifications when they become useful: once the technician waits for someone (a
 * code handed out) or is in a chat. Browsers allow the question only after a click, and asking on
 * load gets a "no" out of habit; "Not now" is remembered in this browser.
 */
export function NotificationsPrompt() {
  const { t } = useI18n();
  const { state } = useConsole();
  const [answered, setAnswered] = useState(() => notificationState() !== 'default' || readItem(localStorageOrNull(), DISMISSED) === '1');
  const waiting = state.codes.some((c) => c.status === 'waiting') || state.openChats.length > 0;
  if (answered || !waiting) return null;

  const dismiss = () => {
    writeItem(localStorageOrNull(), DISMISSED, '1');
    setAnswered(true);
  };

  return (
    <div class="notify-prompt" role="region" aria-label={t('notify.title')} data-testid="notifications-prompt">
      <Icon name="bell" size={18} />
      <p class="notify-prompt__text">{t('notify.text')}</p>
      <button
        type="button"
        class="btn btn--small btn--primary"
        data-testid="notifications-on"
        onClick={() => {
          void askForNotifications().then(() => setAnswered(true));
        }}
      >
        {t('notify.turnOn')}
      </button>
      <button type="button" class="btn btn--small btn--ghost" data-testid="notifications-later" onClick={dismiss}>
        {t('notify.notNow')}
      </button>
    </div>
  );
}
