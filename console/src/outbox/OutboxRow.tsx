import { api } from '../api/client';
import type { MailStatus, OutboxMail } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/Icon';

const TONE: Record<MailStatus, string> = { queued: 'info', sent: 'success', failed: 'danger', outbox: 'warning' };

/** One mail: to whom, what, its state, and the .eml download. */
export function OutboxRow({ mail }: { mail: OutboxMail }) {
  const { t, dateTime } = useI18n();
  return (
    <li class="outbox-row" data-testid="outbox-row" data-mail={mail.id} data-status={mail.status}>
      <div class="outbox-row__main">
        <span class="outbox-row__subject">{mail.subject}</span>
        <span class="outbox-row__to">
          {t('outbox.to')} {mail.to}
        </span>
        {mail.error && <span class="outbox-row__error">{mail.error}</span>}
      </div>
      <div class="outbox-row__side">
        <span class={`badge badge--${TONE[mail.status] ?? 'neutral'}`}>{t(`outbox.status.${mail.status}`)}</span>
        <time class="outbox-row__time" dateTime={mail.createdAt}>
          {dateTime(mail.createdAt)}
        </time>
        <a class="btn btn--small btn--secondary" href={api.emlUrl(mail.id)} download={`${mail.id}.eml`} data-testid="download-eml">
          <Icon name="download" size={16} />
          {t('outbox.download')}
        </a>
      </div>
    </li>
  );
}
