import { useLayoutEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { Icon } from '../ui/Icon';
import { timeline, type AgentSession } from './agentSession';
import { closeReasonText } from './closeReason';
import { CustomerComposer } from './CustomerComposer';
import { CustomerMessage } from './CustomerMessage';
import { SurveyForm } from './SurveyForm';
import { useAgentState } from './useAgentState';

/** The customer's chat with the technician, over the agent protocol. */
interface Props {
  session: AgentSession;
  technician: string | null;
  /** Back to the join choices, after the server refused the code or the resume. */
  onBack: () => void;
}

export function CustomerChat({ session, technician, onBack }: Props) {
  const { t } = useI18n();
  const state = useAgentState(session);
  const list = useRef<HTMLOListElement>(null);
  const items = timeline(state);
  const over = state.status === 'ended' || state.status === 'failed';
  const who = state.technician || technician || t('join.yourTechnician');

  useLayoutEffect(() => {
    if (list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [items.length]);

  const endedText =
    state.ended?.by === 'technician'
      ? t('join.endedByTechnician')
      : state.ended?.by === 'customer'
        ? t('join.endedByCustomer')
        : t('join.endedByServer');

  return (
    <section class="customer-chat" data-testid="customer-chat" data-status={state.status}>
      <header class="customer-chat__header">
        <span class="customer-chat__avatar" aria-hidden="true">
          {who.charAt(0).toLocaleUpperCase()}
        </span>
        <div class="customer-chat__who">
          <h1 class="customer-chat__title">{t('join.chatWith', { technician: who })}</h1>
          <span class={`connection connection--${state.status}`} data-testid="agent-status" role="status">
            <span class="connection__dot" aria-hidden="true" />
            {t(`join.status.${state.status === 'idle' ? 'connecting' : state.status}`)}
          </span>
        </div>
        {!over && (
          <button
            type="button"
            class="btn btn--small btn--danger-outline"
            data-testid="leave"
            disabled={state.leaving}
            onClick={() => session.leave()}
          >
            <Icon name="exit" size={16} />
            {state.leaving ? t('join.leaving') : t('join.leave')}
          </button>
        )}
      </header>

      {state.status === 'ended' && (
        <div class="banner banner--ended" role="status" data-testid="session-ended">
          <strong>{t('join.ended')}</strong>
          <span> {endedText}</span>
          {state.ended?.reason && state.ended.by !== 'customer' && (
            <span class="banner__reason" data-testid="close-reason">
              {state.ended.reason}
            </span>
          )}
          <span class="banner__thanks">{t('join.thanks')}</span>
        </div>
      )}
      {state.status === 'ended' && state.ended?.survey && <SurveyForm token={state.ended.survey} />}
      {state.status === 'failed' && state.closed && (
        <div class="banner banner--error" role="alert" data-testid="close-reason" data-code={state.closed.code}>
          <span>{closeReasonText(state.closed, t)}</span>
          <button type="button" class="btn btn--small btn--secondary" onClick={onBack}>
            {t('join.back')}
          </button>
        </div>
      )}
      {state.status === 'reconnecting' && (
        <div class="banner banner--warning" role="status">
          {t('join.status.reconnecting')}
        </div>
      )}

      <ol class="transcript" ref={list} aria-live="polite">
        {items.length === 0 && !over && <li class="transcript__empty">{t('join.empty')}</li>}
        {items.map((item) => (
          <CustomerMessage
            key={item.kind === 'entry' ? `s${item.entry.seq}` : `c${item.message.cseq}`}
            item={item}
          />
        ))}
      </ol>

      <CustomerComposer disabled={over || state.leaving} onSend={(text) => session.send(text) !== null} />
    </section>
  );
}
