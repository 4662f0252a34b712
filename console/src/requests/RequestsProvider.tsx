import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';
import { useConsole } from '../state/ConsoleProvider';
import { notifyWhileAway } from '../shell/attention';
import { useToast } from '../ui/Toast';
import { api } from '../api/client';
import { requestsApi } from './api';
import { initialRequestsState, requestsReducer, waitingList, type RequestsAction } from './requestsState';
import { playArrivalChime } from './sound';
import { isRequestEvent, type ChatRequest } from './types';

interface RequestsContextValue {
  waiting: ChatRequest[];
  arrived: number;
  dispatch: (action: RequestsAction) => void;
  reload(): Promise<void>;
  /** Takes the request and opens the new session's Chat window; rejects with the server's ApiError. */
  take(id: string): Promise<void>;
}

const RequestsContext = createContext<RequestsContextValue | null>(null);

/** Waiting chat requests, live: loaded on every console (re)connection, then kept by `request` events. */
export function RequestsProvider({ children }: { children: ComponentChildren }) {
  const { actions } = useConsole();
  const [state, dispatch] = useReducer(requestsReducer, initialRequestsState);
  const { t } = useI18n();
  const toast = useToast();
  const notify = useRef({ t, toast });
  notify.current = { t, toast };

  const value = useMemo<RequestsContextValue>(() => {
    const reload = async () => {
      dispatch({ type: 'listRequested' });
      dispatch({ type: 'listLoaded', requests: await requestsApi.waiting() });
    };
    return {
      waiting: waitingList(state),
      arrived: state.arrived,
      dispatch,
      reload,
      async take(id) {
        // Issue 18.2: a session transferred to a queue is taken through the session itself (its node runs it).
        const queued = waitingList(state).find((r) => r.id === id && r.session);
        if (queued?.session) {
          await api.claimSession(queued.session);
          actions.openChat(queued.session);
          return;
        }
        const { session } = await requestsApi.accept(id);
        actions.openChat(session);
      },
    };
  }, [state, actions]);

  useEffect(() => {
    const reload = () => {
      dispatch({ type: 'listRequested' });
      requestsApi
        .waiting()
        .then((requests) => dispatch({ type: 'listLoaded', requests }))
        .catch(() => {});
    };
    reload();
    return actions.listen((event) => {
      if (event.type === 'open') reload();
      else if (isRequestEvent(event)) {
        dispatch({ type: 'event', event });
        if (event.action === 'created') {
          playArrivalChime();
          const text = notify.current.t('requests.arrivedToast', { name: event.request.name });
          notify.current.toast(text, 'info');
          notifyWhileAway('Tandem', text, `request-${event.request.id}`, () =>
            document.getElementById('requests')?.scrollIntoView({ block: 'start' }),
          );
        }
      }
    });
  }, [actions]);

  return <RequestsContext.Provider value={value}>{children}</RequestsContext.Provider>;
}

export function useRequests(): RequestsContextValue {
  const value = useContext(RequestsContext);
  if (!value) throw new Error('useRequests outside RequestsProvider');
  return value;
}
