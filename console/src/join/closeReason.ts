import { ERROR_CODES, type ErrorCodeEntry } from '../api/errorCodes';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

/** The close codes the page words itself: the server's error table gives each its catalogue key. */
const KNOWN = new Map<number, MessageKey>();
for (const entry of Object.values(ERROR_CODES) as ErrorCodeEntry[]) {
  if (entry.closeCode !== undefined && entry.messageKey) KNOWN.set(entry.closeCode, entry.messageKey);
}

/**
 * What to tell the customer when the server closed the chat. A known close code gets the page's own
 * sentence, in the customer's language (the server's reason is English); an unknown one gets the
 * server's reason, or a generic sentence when there is none.
 */
export function closeReasonText(closed: { code: number; reason: string }, t: Translate): string {
  const key = KNOWN.get(closed.code);
  if (key) return t(key);
  return closed.reason.trim() ? closed.reason : t('close.generic');
}
