import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, setCsrfToken } from '../api/http';
import { adminApi } from './adminApi';
import { emptyAuditFilters, emptyHistoryFilters } from './query';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake fetch at the api/http.ts boundary: records each call and answers from a queue. */
function fakeFetch(answers: { status: number; body?: unknown }[]) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const answer = answers.shift() ?? { status: 200, body: {} };
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), { status: answer.status });
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

beforeEach(() => setCsrfToken('csrf-1'));
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('Management Center API', () => {
  it('disables a user with PUT and the CSRF header', async () => {
    const calls = fakeFetch([{ status: 200, body: { username: 'pedro', displayName: 'Pedro', role: 'technician', enabled: false } }]);
    const user = await adminApi.updateUser('pedro', { enabled: false });
    expect(user.enabled).toBe(false);
    expect(calls[0]).toMatchObject({ url: '/api/v1/users/pedro', method: 'PUT', body: { enabled: false } });
    expect(calls[0].headers['X-CSRF-Token']).toBe('csrf-1');
  });

  it('carries the server’s sentence of a 409 to the form', async () => {
    fakeFetch([{ status: 409, body: { error: { code: 'slug_taken', message: "A portal with the slug 'printers' exists." } } }]);
    const failure = await adminApi.createPortal({ slug: 'printers', name: 'Printers' }).catch((e) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 409, code: 'slug_taken', message: "A portal with the slug 'printers' exists." });
  });

  it('sends the portal fields of the REQUESTS part', async () => {
    const calls = fakeFetch([{ status: 200, body: {} }]);
    await adminApi.updatePortal('printers', { welcomeText: 'Hola', brandColor: '#112233', requestTimeoutMinutes: 15 });
    expect(calls[0]).toMatchObject({ url: '/api/v1/portals/printers', method: 'PUT', body: { welcomeText: 'Hola', brandColor: '#112233', requestTimeoutMinutes: 15 } });
  });

  it('reads and writes the settings, and tells an SMTP refusal apart', async () => {
    const calls = fakeFetch([
      { status: 200, body: { publicUrl: null } },
      { status: 502, body: { error: { code: 'smtp_failed', message: '535 Authentication failed' } } },
    ]);
    await adminApi.updateSettings({ publicUrl: null, retention: { transcriptDays: 30, logFileDays: null } });
    expect(calls[0]).toMatchObject({ url: '/api/v1/settings', method: 'PUT', body: { publicUrl: null, retention: { transcriptDays: 30, logFileDays: null } } });
    const failure = await adminApi.testEmail('ana@example.com').catch((e) => e);
    expect(calls[1]).toMatchObject({ url: '/api/v1/settings/test-email', method: 'POST', body: { to: 'ana@example.com' } });
    expect(failure).toMatchObject({ status: 502, code: 'smtp_failed', message: '535 Authentication failed' });
  });

  it('asks for the history and the audit with their filters', async () => {
    const calls = fakeFetch([
      { status: 200, body: [] },
      { status: 200, body: [] },
      { status: 200, body: { session: {}, transcript: [] } },
    ]);
    await adminApi.history({ ...emptyHistoryFilters, portal: 'printers', status: 'ended' }, 200);
    await adminApi.audit({ ...emptyAuditFilters, action: 'permission' }, 17, 200);
    await adminApi.sessionHistory('s 1');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/v1/sessions?portal=printers&status=ended&limit=200',
      'GET /api/v1/audit?action=permission&after=17&limit=200',
      'GET /api/v1/sessions/s%201/history',
    ]);
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined();
    expect(adminApi.historyCsvUrl({ ...emptyHistoryFilters, technician: 'lucia' })).toBe('/api/v1/history.csv?technician=lucia');
  });
});
