import { sessionStorageOrNull } from '../ui/browserStorage';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/http';
import { ConsoleSocket } from '../api/consoleSocket';
import type { ConsoleEvent } from '../api/types';
import { browserSocketFactory, sameOriginSocketUrl } from '../api/socketLike';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { AgentSession } from '../join/agentSession';
import { CustomerChat } from '../join/CustomerChat';
import { sessionResumeStore } from '../join/resumeStore';
import { WEB_CAPABILITIES, webDevice } from '../join/webDevice';
import { Brand } from '../ui/Brand';
import { portalApi } from './portalApi';
import type { PortalData } from './portalData';
import { RequestForm } from './RequestForm';
import { mergeView, phaseOf, requestStorage, type RequestView, type StoredRequest } from './requestView';

/**
 * The portal's customer page: ask for a chat, wait in line with the position updated live (or
 * cancel), and when a technician takes the request continue into the browser chat (the agent
 * protocol, resuming the new session with the request's token). After the timeout the customer
 * may leave an email address.
 */
export function PortalPage({ data }: { data: PortalData }) {
  const { t, lang } = useI18n();
  const language = useRef(lang);
  language.current = lang;
  const storage = useMemo(() => requestStorage(sessionStorageOrNull(), data.slug), [data.slug]);
  const [stored, setStored] = useState<StoredRequest | null>(() => storage.load());
  const [view, setView] = useState<RequestView | null>(null);
  const [live, setLive] = useState<'connecting' | 'online' | 'reconnecting'>('connecting');
  const [chat, setChat] = useState<AgentSession | null>(null);
  const viewRef = useRef<RequestView | null>(null);

  const show = (next: RequestView) => {
    const merged = mergeView(viewRef.current, next);
    viewRef.current = merged;
    setView(merged);
  };

  const reset = () => {
    storage.clear();
    viewRef.current = null;
    setView(null);
    setStored(null);
    setChat(null);
  };

  // After a reload: read the stored request again; a request the server does not know is forgotten.
  useEffect(() => {
    if (!stored || view) return;
    portalApi
      .get(stored.id, stored.token)
      .then(show)
      .catch((e) => {
        if (e instanceof ApiError && e.status === 404) reset();
      });
  }, [stored]);

  const phase = phaseOf(view);

  // While waiting: the live view of the request. Each (re)connection sends the current view.
  useEffect(() => {
    if (!stored || phase !== 'waiting') return undefined;
    const socket = new ConsoleSocket({
      url: sameOriginSocketUrl(
        `/ws/request/${encodeURIComponent(stored.id)}?token=${encodeURIComponent(stored.token)}`,
        window.location,
      ),
      factory: browserSocketFactory,
      onEvent: (event: ConsoleEvent) => {
        const frame = event as unknown as { type: string; request?: RequestView };
        if (frame.type === 'request' && frame.request) show(frame.request);
      },
      onState: setLive,
      onOpen: () => {},
    });
    socket.start();
    return () => socket.stop();
  }, [stored?.id, phase]);

  // Taken: continue into the chat, resuming the new session with the request's token.
  useEffect(() => {
    if (phase !== 'chat' || !stored || !view?.session || chat) return;
    const resume = sessionResumeStore(sessionStorageOrNull(), `request-${stored.id}`);
    if (!resume.load()) {
      resume.save({ session: view.session, token: stored.token, customerName: stored.name, nextCseq: 1, pending: [] });
    }
    const session = new AgentSession({
      url: sameOriginSocketUrl('/ws/agent', window.location),
      code: '',
      customerName: stored.name,
      device: webDevice(navigator.userAgent),
      capabilities: WEB_CAPABILITIES,
      factory: browserSocketFactory,
      language: () => language.current,
      store: resume,
    });
    setChat(session);
    session.start();
  }, [phase, view?.session]);

  useEffect(() => () => chat?.stop(), [chat]);

  const created = (request: RequestView & { token: string }, name: string) => {
    const next = { id: request.id, token: request.token, name };
    storage.save(next);
    viewRef.current = null;
    show(request);
    setStored(next);
  };

  return (
    <div class="join portal" data-testid="portal-page" data-phase={phase}>
      <header class="join__bar">
        <Brand />
        <LanguageSwitch />
      </header>
      <main class="join__main">
        {phase === 'chat' && chat ? (
          <CustomerChat session={chat} technician={view?.technician ?? null} onBack={reset} />
        ) : (
          <div class="join__card">
            <h1 class="join__title" data-testid="portal-title">
              {t('portal.title')}
            </h1>
            {phase === 'form' && stored === null && (
              <>
                {data.welcome && (
                  <p class="portal__welcome" data-testid="portal-welcome">
                    {data.welcome}
                  </p>
                )}
                <p class="portal__intro">{t('portal.intro')}</p>
                <RequestForm slug={data.slug} onCreated={created} />
              </>
            )}
            {(phase === 'waiting' || (phase === 'form' && stored !== null)) && (
              <Waiting view={view} live={live} stored={stored} onCancelled={show} />
            )}
            {phase === 'cancelled' && (
              <div class="portal__state" data-testid="request-cancelled" role="status">
                <h2>{t('portal.cancelledTitle')}</h2>
                <p>{t('portal.cancelledText')}</p>
                <button type="button" class="btn btn--primary btn--block" data-testid="new-request" onClick={reset}>
                  {t('portal.newRequest')}
                </button>
              </div>
            )}
            {phase === 'expired' && view && stored && <Expired view={view} stored={stored} onSaved={show} onNew={reset} />}
          </div>
        )}
      </main>
    </div>
  );
}

function Waiting({
  view,
  live,
  stored,
  onCancelled,
}: {
  view: RequestView | null;
  live: string;
  stored: StoredRequest | null;
  onCancelled: (view: RequestView) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancel = () => {
    if (!stored) return;
    setBusy(true);
    portalApi
      .cancel(stored.id, stored.token)
      .then(onCancelled)
      .catch((e) => {
        setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') }));
        portalApi.get(stored.id, stored.token).then(onCancelled).catch(() => {});
      })
      .finally(() => setBusy(false));
  };
  return (
    <div class="portal__state" data-testid="request-waiting" role="status" aria-live="polite">
      <h2>{t('portal.waitingTitle')}</h2>
      <div class="join__code">
        <span class="join__code-label">{t('portal.positionLabel')}</span>
        <span class="join__code-value" data-testid="request-position">
          {view?.position ?? '…'}
        </span>
      </div>
      <p>{view?.position === 1 ? t('portal.next') : ''} {t('portal.waitingHint')}</p>
      {live === 'reconnecting' && <p class="portal__live">{t('portal.reconnecting')}</p>}
      {view && (
        <div class="portal__summary">
          <span class="portal__summary-label">{t('portal.yourRequest')}</span>
          <p data-testid="request-description">{view.description}</p>
        </div>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="button" class="btn btn--danger-outline btn--block" data-testid="request-cancel" disabled={busy} onClick={cancel}>
        {busy ? t('portal.cancelling') : t('portal.cancel')}
      </button>
    </div>
  );
}

function Expired({
  view,
  stored,
  onSaved,
  onNew,
}: {
  view: RequestView;
  stored: StoredRequest;
  onSaved: (view: RequestView) => void;
  onNew: () => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState(view.email ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    portalApi
      .followUp(stored.id, stored.token, email.trim())
      .then(onSaved)
      .catch((e) => setError(errorMessage(e, { network: t('errors.network'), generic: t('errors.generic') })))
      .finally(() => setBusy(false));
  };
  return (
    <div class="portal__state" data-testid="request-expired" role="status">
      <h2>{t('portal.expiredTitle')}</h2>
      {view.followUpEmail ? (
        <p data-testid="follow-up-saved">{t('portal.followUpSaved', { email: view.followUpEmail })}</p>
      ) : (
        <form class="join-form" onSubmit={submit} noValidate>
          <p>{t('portal.expiredText')}</p>
          <label class="field">
            <span class="field__label">{t('portal.email')}</span>
            <input
              name="followUpEmail"
              type="email"
              autoComplete="email"
              maxLength={320}
              value={email}
              onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
            />
          </label>
          {error && (
            <p class="form-error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" class="btn btn--primary btn--block" data-testid="follow-up-submit" disabled={busy}>
            {t('portal.followUpSubmit')}
          </button>
        </form>
      )}
      <button type="button" class="btn btn--secondary btn--block" onClick={onNew}>
        {t('portal.newRequest')}
      </button>
    </div>
  );
}
