import type { SessionNote } from '../api/types';

/** Adds notes that arrived by event or answer, once each, in the order they were written. */
export function mergeNotes(known: readonly SessionNote[], more: readonly SessionNote[]): SessionNote[] {
  const byId = new Map(known.map((n) => [n.id, n]));
  for (const note of more) byId.set(note.id, note);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
