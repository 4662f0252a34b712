import { useCallback, useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/http';
import type { OutboxMail } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { Icon } from '../ui/Icon';
import { OutboxRow } from './OutboxRow';

/** Mail written by the server: sent, queued, failed, or kept in the outbox when there is no SMTP server. */
export function OutboxPanel() {
  const { t } = useI18n();
  const { state } = useConsole();
  const [mails, setMails] = useState<OutboxMail[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .outbox()
      .then((list) => {
        setMails(list);
        setError(null);
      })
      .catch((e) => setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') })));
  }, [t]);

  useEffect(load, [state.outboxRevision]);

  return (
    <section class="card" id="outbox" data-testid="outbox" aria-labelledby="outbox-title">
      <header class="card__header">
        <h2 id="outbox-title" class="card__title">
          {t('outbox.title')}
        </h2>
        <button type="button" class="btn btn--icon" onClick={load} title={t('common.refresh')} aria-label={t('common.refresh')}>
          <Icon name="refresh" />
        </button>
      </header>
      <p class="card__hint">{t('outbox.hint')}</p>
      {error && (
        <p class="form-error card__body" role="alert">
          {error}
        </p>
      )}
      {mails && mails.length === 0 && <p class="empty">{t('outbox.empty')}</p>}
      {mails && mails.length > 0 && (
        <ul class="outbox-list">
          {mails.map((mail) => (
            <OutboxRow key={mail.id} mail={mail} />
          ))}
        </ul>
      )}
    </section>
  );
}
