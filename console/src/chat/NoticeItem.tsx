import { useI18n } from '../i18n/I18nProvider';
import type { Notice } from '../state/consoleState';

/** A connection change the console noticed (customer dropped / is back), styled like a system message. */
export function NoticeItem({ notice }: { notice: Notice }) {
  const { t, time, dateTime } = useI18n();
  const name = notice.name || t('sessions.customer');
  return (
    <li class={`message message--system message--${notice.kind}`} data-testid="notice" data-kind={notice.kind}>
      <p class="message__notice">
        <span class="message__text">{t(`notice.${notice.kind}`, { name })}</span>
        <time class="message__time" dateTime={notice.at} title={dateTime(notice.at)}>
          {time(notice.at)}
        </time>
      </p>
    </li>
  );
}
