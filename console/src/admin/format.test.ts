import { describe, expect, it } from 'vitest';
import { actorText, durationOf, formatDuration, technicianName } from './format';
import { translate } from '../i18n/translate';

describe('history formatting', () => {
  it('formats durations', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(200)).toBe('3 min 20 s');
    expect(formatDuration(3900)).toBe('1 h 05 min');
  });

  it('takes the server’s duration, else computes it from the times', () => {
    expect(durationOf({ durationSeconds: 12, startedAt: '2026-11-24T10:00:00Z', endedAt: null })).toBe(12);
    expect(durationOf({ startedAt: '2026-11-24T10:00:00Z', endedAt: '2026-11-24T10:02:30Z' })).toBe(150);
    expect(durationOf({ startedAt: '2026-11-24T10:00:00Z', endedAt: null })).toBeNull();
  });

  it('names the technician in either shape', () => {
    expect(technicianName({ username: 'lucia', displayName: 'Lucía' })).toBe('Lucía');
    expect(technicianName({ username: 'lucia', displayName: null })).toBe('lucia');
    expect(technicianName('lucia')).toBe('lucia');
    expect(technicianName(undefined)).toBe('');
  });
});

describe('actorText', () => {
  const t = ((key: string, params?: Record<string, string | number>) => translate('es', key as never, params)) as never;
  it('names customers, the system and anonymous callers in the reader language', () => {
    expect(actorText('customer:Ana Pérez', t)).toBe('Ana Pérez (cliente)');
    expect(actorText('system', t)).toBe('Tandem (automático)');
    expect(actorText('anonymous@203.0.113.9', t)).toBe('alguien sin sesión iniciada (203.0.113.9)');
    expect(actorText('lucia', t)).toBe('lucia');
  });
});
