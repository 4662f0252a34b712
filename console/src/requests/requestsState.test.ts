import { describe, expect, it } from 'vitest';
import { initialRequestsState, requestsReducer, waitingList, type RequestsState } from './requestsState';
import type { ChatRequest } from './types';

function request(id: string, over: Partial<ChatRequest> = {}): ChatRequest {
  return {
    id,
    portal: 'default',
    portalName: 'Default',
    name: `Customer ${id}`,
    description: 'Help',
    email: null,
    followUpEmail: null,
    status: 'waiting',
    createdAt: `2026-01-01T10:00:0${id.slice(-1)}Z`,
    expiresAt: '2026-01-01T10:10:00Z',
    position: 1,
    session: null,
    acceptedBy: null,
    ...over,
  };
}

const apply = (state: RequestsState, ...actions: Parameters<typeof requestsReducer>[1][]) =>
  actions.reduce(requestsReducer, state);

describe('requestsReducer', () => {
  it('adds created requests, counts arrivals, and numbers positions per portal', () => {
    const state = apply(
      initialRequestsState,
      { type: 'event', event: { type: 'request', action: 'created', request: request('r1') } },
      { type: 'event', event: { type: 'request', action: 'created', request: request('r2', { portal: 'printers' }) } },
      { type: 'event', event: { type: 'request', action: 'created', request: request('r3') } },
    );
    expect(state.arrived).toBe(3);
    expect(waitingList(state).map((r) => [r.id, r.position])).toEqual([
      ['r1', 1],
      ['r2', 1],
      ['r3', 2],
    ]);
    expect(requestsReducer(state, { type: 'seen' }).arrived).toBe(0);
  });

  it('removes a taken request and moves the others up', () => {
    const state = apply(
      initialRequestsState,
      { type: 'listLoaded', requests: [request('r1'), request('r2'), request('r3')] },
      { type: 'event', event: { type: 'request', action: 'removed', request: request('r1', { status: 'accepted' }) } },
    );
    expect(state.arrived).toBe(0);
    expect(waitingList(state).map((r) => [r.id, r.position])).toEqual([
      ['r2', 1],
      ['r3', 2],
    ]);
  });

  it('keeps a removed request gone when an older list or event arrives after the removal', () => {
    const state = apply(
      initialRequestsState,
      { type: 'listRequested' },
      { type: 'event', event: { type: 'request', action: 'removed', request: request('r1', { status: 'cancelled' }) } },
      { type: 'listLoaded', requests: [request('r1'), request('r2')] },
      { type: 'event', event: { type: 'request', action: 'updated', request: request('r1') } },
    );
    expect(waitingList(state).map((r) => r.id)).toEqual(['r2']);
  });

  it('keeps a request that arrived while an older list was on its way', () => {
    const state = apply(
      initialRequestsState,
      { type: 'listRequested' },
      { type: 'event', event: { type: 'request', action: 'created', request: request('r2') } },
      { type: 'listLoaded', requests: [request('r1')] },
    );
    expect(waitingList(state).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(state.arrived).toBe(1);
  });

  it('an update of a known request is not a new arrival', () => {
    const state = apply(
      initialRequestsState,
      { type: 'listLoaded', requests: [request('r1')] },
      { type: 'event', event: { type: 'request', action: 'updated', request: request('r1', { position: 1 }) } },
      { type: 'event', event: { type: 'request', action: 'created', request: request('r1') } },
    );
    expect(state.arrived).toBe(0);
    expect(waitingList(state)).toHaveLength(1);
  });
});
