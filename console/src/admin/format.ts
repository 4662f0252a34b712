import type { Translate } from '../i18n/translate';

/** Seconds a session lasted: the server's figure, else from its start and end; null while unknown. */
export function durationOf(session: { durationSeconds?: number | null; startedAt: string; endedAt: string | null }): number | null {
  if (typeof session.durationSeconds === 'number' && session.durationSeconds >= 0) return session.durationSeconds;
  if (!session.endedAt) return null;
  const seconds = (Date.parse(session.endedAt) - Date.parse(session.startedAt)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? Math.round(seconds) : null;
}

/** "45 s", "3 min 20 s", "1 h 05 min": short and the same in both languages. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The technician of a history row, whichever shape the server sends (object or user name). */
export function technicianName(technician: { username: string; displayName: string | null } | string | undefined | null): string {
  if (!technician) return '';
  if (typeof technician === 'string') return technician;
  return technician.displayName || technician.username;
}

/** An audit actor for people: "customer:Ana" → "Ana (customer)", "system" → "Tandem", users as they are. */
export function actorText(actor: string, t: Translate): string {
  if (actor.startsWith('customer:')) return t('admin.actor.customer', { name: actor.slice('customer:'.length) });
  if (actor === 'system') return t('admin.actor.system');
  if (actor.startsWith('anonymous@')) return t('admin.actor.anonymous', { address: actor.slice('anonymous@'.length) });
  return actor;
}
