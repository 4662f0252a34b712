import { describe, expect, it } from 'vitest';
import { mergeView, phaseOf, requestStorage, type RequestView } from './requestView';

function view(over: Partial<RequestView> = {}): RequestView {
  return {
    id: 'r_1',
    status: 'waiting',
    position: 3,
    portal: 'default',
    portalName: 'Default',
    name: 'Ana',
    description: 'Help',
    email: null,
    followUpEmail: null,
    createdAt: '2026-01-01T10:00:00Z',
    expiresAt: '2026-01-01T10:10:00Z',
    session: null,
    technician: null,
    ...over,
  };
}

describe('mergeView', () => {
  it('follows the position while waiting', () => {
    expect(mergeView(view(), view({ position: 1 })).position).toBe(1);
  });

  it('never goes back to waiting once the request left the line', () => {
    const accepted = view({ status: 'accepted', position: null, session: 's_1', technician: 'Marta' });
    expect(mergeView(accepted, view({ position: 2 }))).toBe(accepted);
    expect(mergeView(accepted, view({ status: 'expired' }))).toBe(accepted);
  });

  it('keeps the follow-up address', () => {
    const expired = view({ status: 'expired', position: null, followUpEmail: 'ana@example.com' });
    expect(mergeView(expired, view({ status: 'expired', position: null })).followUpEmail).toBe('ana@example.com');
  });

  it('takes a view of another request as it is', () => {
    expect(mergeView(view(), view({ id: 'r_2', position: 1 })).id).toBe('r_2');
  });
});

describe('phaseOf', () => {
  it('maps statuses to what the page shows', () => {
    expect(phaseOf(null)).toBe('form');
    expect(phaseOf(view())).toBe('waiting');
    expect(phaseOf(view({ status: 'accepted', session: 's_1' }))).toBe('chat');
    expect(phaseOf(view({ status: 'cancelled' }))).toBe('cancelled');
    expect(phaseOf(view({ status: 'expired' }))).toBe('expired');
  });
});

describe('requestStorage', () => {
  it('keeps the request per portal and ignores what it cannot read', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const store = requestStorage(storage, 'default');
    expect(store.load()).toBeNull();
    store.save({ id: 'r_1', token: 't', name: 'Ana' });
    expect(requestStorage(storage, 'other').load()).toBeNull();
    expect(store.load()).toEqual({ id: 'r_1', token: 't', name: 'Ana' });
    data.set('tandem.request.default', '{bad');
    expect(store.load()).toBeNull();
    store.clear();
    expect(store.load()).toBeNull();
  });
});
