import { describe, expect, it } from 'vitest';
import type { SessionNote } from '../api/types';
import { mergeNotes } from './mergeNotes';

const note = (id: number, text: string): SessionNote => ({ id, author: 'lucia', authorName: 'Lucía', text, at: '2026-12-06T10:00:00Z' });

describe('mergeNotes', () => {
  it('keeps each note once, in the order they were written, whether the event or the answer came first', () => {
    const fromEvent = mergeNotes([note(2, 'second')], [note(1, 'first')]);
    expect(mergeNotes(fromEvent, [note(2, 'second'), note(3, 'third')]).map((n) => n.text)).toEqual(['first', 'second', 'third']);
  });
});
