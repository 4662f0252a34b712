import { en, type MessageKey } from './en';
import type { Translate } from './translate';

/**
 * Phones say in English why they cannot do something or report a value (capabilities, diagnostics
 * readings): that text travels as is, and older phones keep sending it. Tandem's own agents use the
 * sentences of the English catalogue's `reason.*` keys, so the console can show them in the reader's
 * language; anything else (another app, a newer phone) is shown as the phone said it.
 */
const BY_TEXT = new Map<string, MessageKey>();
const NEEDS_SCREEN_PREFIX = en['reason.needsScreen'].replace('{reason}', '');
for (const [key, text] of Object.entries(en)) {
  if (key.startsWith('reason.') && !text.includes('{')) BY_TEXT.set(text, key as MessageKey);
}

export function reasonText(t: Translate, reason: string | null | undefined): string {
  if (!reason) return '';
  const key = BY_TEXT.get(reason.trim());
  if (key) return t(key);
  if (reason.startsWith(NEEDS_SCREEN_PREFIX)) {
    return t('reason.needsScreen', { reason: reasonText(t, reason.slice(NEEDS_SCREEN_PREFIX.length)) });
  }
  return reason;
}
