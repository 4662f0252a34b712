import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/Icon';
import { BrowserJoinForm } from './BrowserJoinForm';
import type { JoinData } from './joinData';

/** The three ways in: the Tandem app, the app store, or chat right here in the browser. */
export function JoinChoices({ data, onJoin }: { data: JoinData; onJoin: (name: string) => void }) {
  const { t } = useI18n();
  return (
    <div class="join-choices">
      <h2 class="join-choices__title">{t('join.chooseHow')}</h2>
      {data.appLink && (
        <a class="choice choice--primary" href={data.appLink} data-testid="open-app">
          <span class="choice__icon" aria-hidden="true">
            <Icon name="phone" size={22} />
          </span>
          <span class="choice__text">
            <span class="choice__title">{t('join.openApp')}</span>
            <span class="choice__hint">{t('join.openAppHint')}</span>
          </span>
        </a>
      )}
      {data.storeLink && (
        <a class="choice" href={data.storeLink} data-testid="get-app" rel="noopener">
          <span class="choice__icon" aria-hidden="true">
            <Icon name="store" size={22} />
          </span>
          <span class="choice__text">
            <span class="choice__title">{t('join.getApp')}</span>
            <span class="choice__hint">{t('join.getAppHint')}</span>
          </span>
        </a>
      )}
      <div class="choice choice--form" data-testid="chat-in-browser">
        <div class="choice__head">
          <span class="choice__icon" aria-hidden="true">
            <Icon name="browser" size={22} />
          </span>
          <span class="choice__text">
            <span class="choice__title">{t('join.browser')}</span>
            <span class="choice__hint">{t('join.browserHint')}</span>
          </span>
        </div>
        <BrowserJoinForm onJoin={onJoin} />
      </div>
    </div>
  );
}
