import { API_BASE, request } from '../api/http';
import { auditQuery, historyQuery, type AuditFilters, type HistoryFilters } from './query';
import type {
  AdminPortal,
  AdminUser,
  AuditEntry,
  HistorySession,
  PortalChange,
  SessionHistory,
  Settings,
  SettingsChange,
  SignInSettingsChange,
  SurveySummary,
  TestEmailResult,
} from './types';

const enc = encodeURIComponent;

/** The Management Center's REST calls (administrators only; the server checks the role on every one). */
export const adminApi = {
  users: () => request<AdminUser[]>('GET', '/users'),
  createUser: (body: { username: string; displayName?: string; role: string; password: string; email?: string }) =>
    request<AdminUser>('POST', '/users', body),
  updateUser: (username: string, body: { displayName?: string; role?: string; enabled?: boolean; password?: string; email?: string | null }) =>
    request<AdminUser>('PUT', `/users/${enc(username)}`, body),

  portals: () => request<AdminPortal[]>('GET', '/portals'),
  createPortal: (body: PortalChange & { slug: string }) => request<AdminPortal>('POST', '/portals', body),
  updatePortal: (slug: string, body: PortalChange) => request<AdminPortal>('PUT', `/portals/${enc(slug)}`, body),
  /** The customer's page of a portal (served by the server, outside /api). */
  portalPageUrl: (slug: string) => `/portal/${enc(slug)}`,

  settings: () => request<Settings>('GET', '/settings'),
  updateSettings: (change: SettingsChange) => request<Settings>('PUT', '/settings', change),
  updateSignInSettings: (change: SignInSettingsChange) => request<Settings>('PUT', '/settings', change),
  resetSecondFactor: (username: string) => request<void>('DELETE', `/users/${enc(username)}/second-factor`),
  testEmail: (to: string) => request<TestEmailResult>('POST', '/settings/test-email', { to }),

  history: (filters: HistoryFilters, limit?: number) => request<HistorySession[]>('GET', `/sessions${historyQuery(filters, limit)}`),
  historyCsvUrl: (filters: HistoryFilters) => `${API_BASE}/history.csv${historyQuery(filters)}`,
  surveys: (from: string, to: string) => {
    const params = new URLSearchParams();
    if (from.trim()) params.set('from', from.trim());
    if (to.trim()) params.set('to', to.trim());
    const search = params.toString();
    return request<SurveySummary>('GET', `/surveys/summary${search ? `?${search}` : ''}`);
  },
  sessionHistory: (id: string) => request<SessionHistory>('GET', `/sessions/${enc(id)}/history`),
  logFileUrl: (session: string, fileId: string) => `${API_BASE}/sessions/${enc(session)}/logs/${enc(fileId)}`,

  audit: (filters: AuditFilters, after: AuditEntry['id'] | null, limit: number) =>
    request<AuditEntry[]>('GET', `/audit${auditQuery(filters, after, limit)}`),
};
