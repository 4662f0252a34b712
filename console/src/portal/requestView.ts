import type { components } from '../api/openapi.gen';

/** The customer's view of their request (GET /api/v1/requests/{id}, frames of /ws/request/{id}; `ChatRequestCustomer`). */
export type RequestView = components['schemas']['ChatRequestCustomer'];

/** What the page keeps in sessionStorage to find its request again after a reload (the page's own, not the server's). */
export interface StoredRequest {
  id: string;
  token: string;
  name: string;
}

/**
 * Merges a view from the socket or from REST into what the page shows. The two can cross: an
 * answer fetched before the request was taken may arrive after the socket said "accepted". A
 * request that left the line never goes back to waiting, and a follow-up address is never lost.
 */
export function mergeView(current: RequestView | null, incoming: RequestView): RequestView {
  if (!current || current.id !== incoming.id) return incoming;
  if (current.status !== 'waiting' && incoming.status === 'waiting') return current;
  if (current.status !== 'waiting' && incoming.status !== current.status) return current;
  return { ...incoming, followUpEmail: incoming.followUpEmail ?? current.followUpEmail };
}

/** What the page shows for a view. */
export type Phase = 'form' | 'waiting' | 'chat' | 'cancelled' | 'expired';

export function phaseOf(view: RequestView | null): Phase {
  if (!view) return 'form';
  switch (view.status) {
    case 'waiting':
      return 'waiting';
    case 'accepted':
      return view.session ? 'chat' : 'waiting';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'expired';
  }
}

export function requestStorage(storage: Storage | null, slug: string) {
  const key = `tandem.request.${slug}`;
  return {
    load(): StoredRequest | null {
      try {
        const raw = storage?.getItem(key);
        if (!raw) return null;
        const value = JSON.parse(raw) as Partial<StoredRequest>;
        return typeof value.id === 'string' && typeof value.token === 'string'
          ? { id: value.id, token: value.token, name: typeof value.name === 'string' ? value.name : '' }
          : null;
      } catch {
        return null;
      }
    },
    save(value: StoredRequest) {
      try {
        storage?.setItem(key, JSON.stringify(value));
      } catch {
        // storage disabled: only a reload loses the request
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // nothing stored
      }
    },
  };
}
