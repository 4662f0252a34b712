import './requests.css';
import { useEffect, useState } from 'preact/hooks';
import { ERROR_CODES } from '../api/errorCodes';
import { ApiError, errorMessage } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/Icon';
import { useNow } from '../ui/useNow';
import { requestsApi } from './api';
import { useRequests } from './RequestsProvider';
import type { ChatRequest } from './types';

/**
 * Customers waiting for a chat (from the portals' pages), oldest first, with Take; and the
 * expired requests where the customer left an email address for follow-up.
 */
export function RequestsPanel() {
  const { t } = useI18n();
  const { waiting, arrived, dispatch, reload } = useRequests();
  const [error, setError] = useState<string | null>(null);
  const [showFollowUps, setShowFollowUps] = useState(false);

  useEffect(() => {
    if (arrived > 0 && document.visibilityState === 'visible') {
      const timer = setTimeout(() => dispatch({ type: 'seen' }), 4000);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [arrived]);

  return (
    <section class="card requests" id="requests" data-testid="requests-panel" aria-labelledby="requests-title">
      <header class="card__header">
        <h2 id="requests-title" class="card__title">
          {t('requests.title')}
          {waiting.length > 0 && <span class="badge badge--warning requests__count">{waiting.length}</span>}
        </h2>
        <button
          type="button"
          class="btn btn--icon"
          onClick={() => reload().catch(() => {})}
          title={t('common.refresh')}
          aria-label={t('common.refresh')}
        >
          <Icon name="refresh" />
        </button>
      </header>
      <p class="card__hint">{t('requests.hint')}</p>
      {error && (
        <p class="form-error card__body" role="alert" data-testid="request-error">
          {error}
        </p>
      )}
      {waiting.length === 0 ? (
        <p class="empty">{t('requests.empty')}</p>
      ) : (
        <ul class="request-list">
          {waiting.map((r) => (
            <RequestRow key={r.id} request={r} onError={setError} />
          ))}
        </ul>
      )}
      <button type="button" class="btn btn--ghost btn--small requests__toggle" onClick={() => setShowFollowUps(!showFollowUps)}>
        {showFollowUps ? t('requests.hideFollowUps') : t('requests.showFollowUps')}
      </button>
      {showFollowUps && <FollowUps />}
    </section>
  );
}

/** How long the server offers a new request to available technicians only (teams.Availability.OFFERED_FIRST). */
const OFFERED_FIRST_MS = 30_000;

function RequestRow({ request, onError }: { request: ChatRequest; onError: (message: string | null) => void }) {
  const { t } = useI18n();
  const { take } = useRequests();
  const now = useNow(5_000);
  const [busy, setBusy] = useState(false);
  // Issue 18.2: a new request is offered to available technicians first (docs/transfer.md).
  const offeredFirst = now - new Date(request.createdAt).getTime() < OFFERED_FIRST_MS;
  const minutes = Math.max(0, Math.floor((now - new Date(request.createdAt).getTime()) / 60_000));
  const onTake = () => {
    setBusy(true);
    onError(null);
    take(request.id)
      .catch((e) => {
        const message =
          e instanceof ApiError && e.code === ERROR_CODES.REQUEST_TAKEN.code
            ? t('requests.alreadyTaken')
            : errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') });
        onError(message);
      })
      .finally(() => setBusy(false));
  };
  return (
    <li class="request-row" data-testid="request-row" data-request={request.id}>
      <div class="request-row__top">
        <span class="request-row__name" data-testid="request-name">
          {request.name}
        </span>
        <span class="badge badge--neutral" title={t('requests.position')}>
          #{request.position}
        </span>
      </div>
      <p class="request-row__description" data-testid="request-description">
        {request.description}
      </p>
      <div class="request-row__meta">
        <span>{request.portalName}</span>
        <span>{minutes < 1 ? t('requests.justNow') : t('requests.waitingFor', { minutes })}</span>
        {request.email && <span class="request-row__email">{request.email}</span>}
        {offeredFirst && (
          <span class="badge badge--neutral" data-testid="request-offered-first">
            {t('requests.offeredFirst')}
          </span>
        )}
      </div>
      <button type="button" class="btn btn--primary btn--small" data-testid="request-take" disabled={busy} onClick={onTake}>
        <Icon name="chat" size={16} />
        {busy ? t('requests.taking') : t('requests.take')}
      </button>
    </li>
  );
}

function FollowUps() {
  const { t, dateTime } = useI18n();
  const [list, setList] = useState<ChatRequest[] | null>(null);
  useEffect(() => {
    requestsApi
      .followUps()
      .then((all) => setList(all.filter((r) => r.followUpEmail || r.email).reverse()))
      .catch(() => setList([]));
  }, []);
  if (!list) return <p class="empty">{t('common.loading')}</p>;
  if (list.length === 0) return <p class="empty">{t('requests.noFollowUps')}</p>;
  return (
    <ul class="request-list request-list--follow-ups" data-testid="follow-ups">
      {list.map((r) => (
        <li key={r.id} class="request-row request-row--expired">
          <div class="request-row__top">
            <span class="request-row__name">{r.name}</span>
            <span class="badge badge--neutral">{dateTime(r.createdAt)}</span>
          </div>
          <p class="request-row__description">{r.description}</p>
          <a class="request-row__email" href={`mailto:${r.followUpEmail ?? r.email}`}>
            <Icon name="mail" size={14} /> {r.followUpEmail ?? r.email}
          </a>
        </li>
      ))}
    </ul>
  );
}
