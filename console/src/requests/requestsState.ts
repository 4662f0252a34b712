import type { ChatRequest, RequestEvent } from './types';

/**
 * The console's list of waiting chat requests. Lists loaded over REST and events from the socket
 * can arrive in any order; a request that left the line (taken, cancelled, expired) stays gone
 * even when an older list still has it, and one that arrived stays even when an older list lacks
 * it (the list was read before it was created), until a newer list is loaded.
 */
export interface RequestsState {
  waiting: Record<string, ChatRequest>;
  /** Ids that left the line since the last list was requested. */
  gone: Record<string, true>;
  /** Requests that arrived or changed since the last list was requested. */
  fresh: Record<string, ChatRequest>;
  /** Requests that arrived while this console was open, for the badge's "new" mark. */
  arrived: number;
}

export const initialRequestsState: RequestsState = { waiting: {}, gone: {}, fresh: {}, arrived: 0 };

export type RequestsAction =
  | { type: 'listRequested' }
  | { type: 'listLoaded'; requests: ChatRequest[] }
  | { type: 'event'; event: RequestEvent }
  | { type: 'seen' };

export function requestsReducer(state: RequestsState, action: RequestsAction): RequestsState {
  switch (action.type) {
    case 'listRequested':
      return { ...state, gone: {}, fresh: {} };
    case 'listLoaded': {
      const waiting: Record<string, ChatRequest> = {};
      for (const r of action.requests) {
        if (r.status === 'waiting' && !state.gone[r.id]) waiting[r.id] = r;
      }
      for (const r of Object.values(state.fresh)) {
        if (!waiting[r.id] && !state.gone[r.id]) waiting[r.id] = r;
      }
      return { ...state, waiting };
    }
    case 'event': {
      const { action: what, request } = action.event;
      if (what === 'removed' || request.status !== 'waiting') {
        if (!state.waiting[request.id] && state.gone[request.id]) return state;
        const waiting = { ...state.waiting };
        delete waiting[request.id];
        const fresh = { ...state.fresh };
        delete fresh[request.id];
        return { ...state, waiting, fresh, gone: { ...state.gone, [request.id]: true } };
      }
      if (state.gone[request.id]) return state;
      const isNew = what === 'created' && !state.waiting[request.id];
      return {
        ...state,
        waiting: { ...state.waiting, [request.id]: request },
        fresh: { ...state.fresh, [request.id]: request },
        arrived: state.arrived + (isNew ? 1 : 0),
      };
    }
    case 'seen':
      return state.arrived === 0 ? state : { ...state, arrived: 0 };
    default:
      return state;
  }
}

/** Waiting requests, oldest first, each with its position in its portal's line. */
export function waitingList(state: RequestsState): ChatRequest[] {
  const list = Object.values(state.waiting).sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const counters = new Map<string, number>();
  return list.map((r) => {
    const position = (counters.get(r.portal) ?? 0) + 1;
    counters.set(r.portal, position);
    return { ...r, position };
  });
}
