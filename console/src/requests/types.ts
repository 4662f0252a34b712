/** A chat-only request as technicians see it (GET /api/v1/requests, `request` console events). */
export interface ChatRequest {
  id: string;
  portal: string;
  portalName: string;
  name: string;
  description: string;
  email: string | null;
  followUpEmail: string | null;
  status: 'waiting' | 'accepted' | 'cancelled' | 'expired';
  createdAt: string;
  expiresAt: string;
  position: number | null;
  session: string | null;
  acceptedBy: string | null;
}

/** `{"type":"request","action","request"}` on /ws/console. */
export interface RequestEvent {
  type: 'request';
  action: 'created' | 'updated' | 'removed';
  request: ChatRequest;
}

export function isRequestEvent(event: { type: string }): event is RequestEvent {
  const e = event as Partial<RequestEvent>;
  return e.type === 'request' && !!e.request && typeof e.request.id === 'string';
}
