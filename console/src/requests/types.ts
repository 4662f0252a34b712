import type { components } from '../api/openapi.gen';

/** A chat-only request as technicians see it (GET /api/v1/requests, `request` console events; `ChatRequest`). */
export type ChatRequest = components['schemas']['ChatRequest'];

/** `{"type":"request","action","request"}` on /ws/console: the socket's envelope, not REST, so written here. */
export interface RequestEvent {
  type: 'request';
  action: 'created' | 'updated' | 'removed';
  request: ChatRequest;
}

export function isRequestEvent(event: { type: string }): event is RequestEvent {
  const e = event as Partial<RequestEvent>;
  return e.type === 'request' && !!e.request && typeof e.request.id === 'string';
}
