import { describe, expect, it } from 'vitest';
import { translate, type Translate } from '../i18n/translate';
import { keysText, neighbourChat, shortcutFor, type KeyLike } from './shortcuts';

const key = (code: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: '',
  code,
  altKey: true,
  shiftKey: true,
  ctrlKey: false,
  metaKey: false,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps Alt+Shift with a key, by the key position', () => {
    expect(shortcutFor(key('Digit3', { key: '#' }))).toEqual({ kind: 'chat', index: 2 });
    expect(shortcutFor(key('KeyM', { key: 'µ' }))).toEqual({ kind: 'focusMessage' });
    expect(shortcutFor(key('KeyE'))).toEqual({ kind: 'endSession' });
    expect(shortcutFor(key('ArrowDown'))).toEqual({ kind: 'nextChat' });
    expect(shortcutFor(key('KeyB'))).toEqual({ kind: 'toggleSide' });
  });

  it('leaves other keys to the browser and the page', () => {
    expect(shortcutFor(key('KeyM', { shiftKey: false }))).toBeNull();
    expect(shortcutFor(key('Digit1', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyQ'))).toBeNull();
    expect(shortcutFor(key('KeyM', { altKey: false }))).toBeNull();
  });

  it('opens the list with ? except while typing', () => {
    const plain = { altKey: false, shiftKey: true, key: '?' };
    expect(shortcutFor(key('Minus', plain))).toEqual({ kind: 'help' });
    expect(shortcutFor(key('Minus', { ...plain, target: { tagName: 'TEXTAREA' } as unknown as EventTarget }))).toBeNull();
  });
});

describe('neighbourChat', () => {
  it('goes round the open chats', () => {
    expect(neighbourChat(['a', 'b', 'c'], 'c', 1)).toBe('a');
    expect(neighbourChat(['a', 'b', 'c'], 'a', -1)).toBe('c');
    expect(neighbourChat(['a', 'b'], null, 1)).toBe('a');
    expect(neighbourChat([], null, 1)).toBeNull();
  });
});

describe('keysText', () => {
  it('names the keys as the reader’s keyboard does', () => {
    const es: Translate = (key, params) => translate('es', key, params);
    expect(keysText('Alt+Shift+B', es)).toBe('Alt+Mayús+B');
    expect(keysText('Alt+Shift+B', (key, params) => translate('en', key, params))).toBe('Alt+Shift+B');
  });
});
