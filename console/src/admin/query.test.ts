import { describe, expect, it } from 'vitest';
import { appendAuditPage, auditQuery, emptyAuditFilters, emptyHistoryFilters, filtersFrom, historyQuery, nextAfter, queryString, rangeInverted } from './query';
import type { AuditEntry } from './types';

const entry = (id: number): AuditEntry => ({ id, at: '2026-11-24T10:00:00Z', actor: 'lucia', action: 'code.created', session: null, detail: null });

describe('filters → query string', () => {
  it('leaves out empty and blank values and trims the rest', () => {
    expect(queryString({ a: '', b: '  ', c: null, d: undefined })).toBe('');
    expect(queryString({ actor: ' lucia ', limit: 200 })).toBe('?actor=lucia&limit=200');
  });

  it('encodes values', () => {
    expect(queryString({ actor: 'customer:Ana Pérez', action: 'a&b=c' })).toBe('?actor=customer%3AAna+P%C3%A9rez&action=a%26b%3Dc');
  });

  it('builds the history query with the plan names', () => {
    expect(historyQuery(emptyHistoryFilters)).toBe('');
    expect(historyQuery({ technician: 'lucia', portal: 'printers', from: '2026-11-01', to: '2026-11-24', status: 'ended' }, 200)).toBe(
      '?technician=lucia&portal=printers&from=2026-11-01&to=2026-11-24&status=ended&limit=200',
    );
  });

  it('builds the audit query with paging', () => {
    expect(auditQuery(emptyAuditFilters)).toBe('');
    expect(auditQuery({ ...emptyAuditFilters, action: 'permission', session: 's1' }, 42, 200)).toBe('?session=s1&action=permission&after=42&limit=200');
    expect(auditQuery({ ...emptyAuditFilters, from: '2026-11-24' }, null, 200)).toBe('?from=2026-11-24&limit=200');
  });

  it('reads filters back from the hash query, ignoring unknown keys', () => {
    const read = filtersFrom(emptyAuditFilters, new URLSearchParams('actor=lucia&evil=1&to=2026-11-24'));
    expect(read).toEqual({ ...emptyAuditFilters, actor: 'lucia', to: '2026-11-24' });
    expect(read).not.toHaveProperty('evil');
  });

  it('notices a range that ends before it starts', () => {
    expect(rangeInverted('2026-11-24', '2026-11-01')).toBe(true);
    expect(rangeInverted('2026-11-01', '2026-11-24')).toBe(false);
    expect(rangeInverted('2026-11-01', '')).toBe(false);
  });
});

describe('audit paging', () => {
  it('appends pages, keeps an entry once and knows when there may be more', () => {
    let table = appendAuditPage(null, [entry(1), entry(2)], 2);
    expect(table.more).toBe(true);
    expect(nextAfter(table)).toBe(2);
    table = appendAuditPage(table, [entry(2), entry(3)], 2);
    expect(table.entries.map((e) => e.id)).toEqual([1, 2, 3]);
    table = appendAuditPage(table, [entry(4)], 2);
    expect(table.more).toBe(false);
    expect(nextAfter(table)).toBe(4);
    expect(nextAfter(null)).toBeNull();
  });
});
