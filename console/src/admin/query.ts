import type { AuditEntry } from './types';

/** History filters as the form holds them: empty means "any". */
export interface HistoryFilters {
  technician: string;
  portal: string;
  from: string;
  to: string;
  status: '' | 'active' | 'ended';
}

export const emptyHistoryFilters: HistoryFilters = { technician: '', portal: '', from: '', to: '', status: '' };

/** Audit filters as the form holds them: empty means "any". */
export interface AuditFilters {
  actor: string;
  action: string;
  session: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { actor: '', action: '', session: '', from: '', to: '' };

/** The page size of the audit table; a full page means there may be more. */
export const AUDIT_PAGE = 200;

/** The page size of the history table. */
export const HISTORY_LIMIT = 200;

/**
 * `?a=1&b=2` from the non-empty values, in the given order, trimmed and encoded; "" when none.
 * Undefined, null and blank values are left out, so an empty filter never reaches the server.
 */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    const text = String(value).trim();
    if (text) search.append(name, text);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function historyQuery(filters: HistoryFilters, limit?: number): string {
  return queryString({
    technician: filters.technician,
    portal: filters.portal,
    from: filters.from,
    to: filters.to,
    status: filters.status,
    limit,
  });
}

export function auditQuery(filters: AuditFilters, after?: AuditEntry['id'] | null, limit?: number): string {
  return queryString({
    session: filters.session,
    actor: filters.actor,
    action: filters.action,
    from: filters.from,
    to: filters.to,
    after: after ?? undefined,
    limit,
  });
}

/** A date range whose end is before its start: the form says so before asking the server. */
export function rangeInverted(from: string, to: string): boolean {
  return !!from && !!to && from > to;
}

/** The filters of the URL hash's query (`#/admin/audit?actor=lucia`), unknown keys ignored. */
export function filtersFrom<T extends object>(empty: T, query: URLSearchParams): T {
  const result = { ...empty } as Record<string, string>;
  for (const key of Object.keys(empty)) {
    const value = query.get(key);
    if (value !== null) result[key] = value;
  }
  return result as T;
}

/** The audit table while paging with `after`: pages append, an entry seen twice is kept once. */
export interface AuditTable {
  entries: AuditEntry[];
  /** The last page was full, so "Load more" may find more. */
  more: boolean;
}

export function appendAuditPage(table: AuditTable | null, page: AuditEntry[], pageSize: number): AuditTable {
  const seen = new Set((table?.entries ?? []).map((e) => String(e.id)));
  const fresh = page.filter((e) => !seen.has(String(e.id)));
  return { entries: [...(table?.entries ?? []), ...fresh], more: page.length >= pageSize };
}

/** The id to ask `after` for the next page: the last (newest) entry shown. */
export function nextAfter(table: AuditTable | null): AuditEntry['id'] | null {
  const entries = table?.entries ?? [];
  return entries.length ? entries[entries.length - 1].id : null;
}
