import { describe, expect, it } from 'vitest';
import type { CannedReply } from '../api/types';
import { insertReply, matchReplies, slashQuery } from './replyMatch';

const reply = (shortcut: string, text: string, portal: string | null = null): CannedReply => ({
  id: shortcut.length + text.length,
  scope: portal ? 'portal' : 'personal',
  portal,
  shortcut,
  text,
  updatedBy: 'lucia',
  updatedAt: '2026-12-06T10:00:00Z',
});

describe('slashQuery', () => {
  it('finds the word after a slash at the start or after a space, up to the caret', () => {
    expect(slashQuery('/gre', 4)).toEqual({ start: 0, query: 'gre' });
    expect(slashQuery('Hi /', 4)).toEqual({ start: 3, query: '' });
    expect(slashQuery('line\n/res more', 9)).toEqual({ start: 5, query: 'res' });
  });

  it('is not a shortcut inside a word, a path or after the word ended', () => {
    expect(slashQuery('see a/b', 7)).toBeNull();
    expect(slashQuery('/greet now', 10)).toBeNull();
    expect(slashQuery('http://x', 8)).toBeNull();
    expect(slashQuery('plain', 5)).toBeNull();
  });
});

describe('matchReplies', () => {
  const replies = [
    reply('restart', 'Please restart the phone.', 'default'),
    reply('greet', 'Hola, soy Lucía.'),
    reply('printer', 'Turn the printer off.', 'printers'),
    reply('bye', 'Thanks! Restart if it happens again.'),
  ];

  it('offers personal replies and the session portal’s, shortcut starts first, then texts', () => {
    expect(matchReplies(replies, 'res', 'default').map((r) => r.shortcut)).toEqual(['restart', 'bye']);
    expect(matchReplies(replies, '', 'default').map((r) => r.shortcut)).toEqual(['bye', 'greet', 'restart']);
    expect(matchReplies(replies, 'print', 'default')).toEqual([]);
    expect(matchReplies(replies, 'print', 'printers').map((r) => r.shortcut)).toEqual(['printer']);
  });

  it('ignores case and accents', () => {
    expect(matchReplies(replies, 'LUCIA', 'default').map((r) => r.shortcut)).toEqual(['greet']);
  });
});

describe('insertReply', () => {
  it('replaces the typed shortcut with the text and puts the caret after it', () => {
    expect(insertReply('Hi /gre and more', 3, 7, 'Hola, soy Lucía.')).toEqual({
      text: 'Hi Hola, soy Lucía. and more',
      caret: 19,
    });
  });
});
