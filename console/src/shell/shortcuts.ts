import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

/**
 * The console's keyboard shortcuts. All but `?` use Alt+Shift with a key, which browsers and
 * operating systems leave to the page (Alt alone opens menus on Windows; Ctrl+digits switch tabs);
 * keys are matched by their position (`code`), so they work on any keyboard layout and on a Mac,
 * where Option changes the character typed.
 */
export type ShortcutAction =
  | { kind: 'help' }
  | { kind: 'chat'; index: number }
  | { kind: 'nextChat' }
  | { kind: 'previousChat' }
  | { kind: 'focusMessage' }
  | { kind: 'endSession' }
  | { kind: 'closeChat' }
  | { kind: 'toggleSide' }
  | { kind: 'viewScreen' }
  | { kind: 'fullScreen' }
  | { kind: 'newCode' };

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The element the key went to: `?` means itself while typing in a field. */
  target?: EventTarget | null;
}

const LETTERS: Record<string, ShortcutAction> = {
  KeyM: { kind: 'focusMessage' },
  KeyE: { kind: 'endSession' },
  KeyW: { kind: 'closeChat' },
  KeyB: { kind: 'toggleSide' },
  KeyV: { kind: 'viewScreen' },
  KeyF: { kind: 'fullScreen' },
  KeyN: { kind: 'newCode' },
};

function typing(target: EventTarget | null | undefined): boolean {
  const element = target as { tagName?: string; isContentEditable?: boolean } | null | undefined;
  if (!element || typeof element.tagName !== 'string') return false;
  return element.isContentEditable === true || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName.toUpperCase());
}

/** The shortcut a key press means, or null for a key the console leaves alone. */
export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey) return null;
  if (!e.altKey) {
    return e.key === '?' && !typing(e.target) ? { kind: 'help' } : null;
  }
  if (!e.shiftKey) return null;
  const digit = /^Digit([1-9])$/.exec(e.code);
  if (digit) return { kind: 'chat', index: Number(digit[1]) - 1 };
  if (e.code === 'ArrowDown' || e.code === 'PageDown') return { kind: 'nextChat' };
  if (e.code === 'ArrowUp' || e.code === 'PageUp') return { kind: 'previousChat' };
  if (e.code === 'Slash') return { kind: 'help' };
  return LETTERS[e.code] ?? null;
}

/** What the shortcuts dialog lists (and the README documents), in order. */
export const SHORTCUT_LIST: { keys: string[]; label: MessageKey }[] = [
  { keys: ['Alt', 'Shift', '1…9'], label: 'keys.chatN' },
  { keys: ['Alt', 'Shift', '↓'], label: 'keys.nextChat' },
  { keys: ['Alt', 'Shift', '↑'], label: 'keys.previousChat' },
  { keys: ['Alt', 'Shift', 'M'], label: 'keys.focusMessage' },
  { keys: ['Enter'], label: 'keys.send' },
  { keys: ['Shift', 'Enter'], label: 'keys.newLine' },
  { keys: ['Alt', 'Shift', 'E'], label: 'keys.endSession' },
  { keys: ['Alt', 'Shift', 'W'], label: 'keys.closeChat' },
  { keys: ['Alt', 'Shift', 'V'], label: 'keys.viewScreen' },
  { keys: ['Alt', 'Shift', 'F'], label: 'keys.fullScreen' },
  { keys: ['Alt', 'Shift', 'B'], label: 'keys.toggleSide' },
  { keys: ['Alt', 'Shift', 'N'], label: 'keys.newCode' },
  { keys: ['Esc'], label: 'keys.escape' },
  { keys: ['?'], label: 'keys.help' },
];

/** The next open chat after (or before, with `step` -1) the one in front, going round. */
export function neighbourChat(open: readonly string[], active: string | null, step: 1 | -1): string | null {
  if (open.length === 0) return null;
  const at = active ? open.indexOf(active) : -1;
  if (at < 0) return open[step > 0 ? 0 : open.length - 1];
  return open[(at + step + open.length) % open.length];
}

/** A key combination as the reader's keyboard labels it: "Alt+Shift+B", "Alt+Mayús+B". */
export function keysText(keys: string, t: Translate): string {
  return keys
    .split('+')
    .map((key) => (key === 'Shift' ? t('keys.shift') : key === 'Enter' ? t('keys.enter') : key === 'Esc' ? t('keys.esc') : key))
    .join('+');
}
