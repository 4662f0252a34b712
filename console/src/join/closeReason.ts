import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

const KNOWN = new Set([4000, 4001, 4004, 4010, 4011, 4012, 4013, 4014, 4020, 4029]);

/**
 * What to tell the customer when the server closed the chat. A known close code gets the page's own
 * sentence, in the customer's language (the server's reason is English); an unknown one gets the
 * server's reason, or a generic sentence when there is none.
 */
export function closeReasonText(closed: { code: number; reason: string }, t: Translate): string {
  if (KNOWN.has(closed.code)) return t(`close.${closed.code}` as MessageKey);
  return closed.reason.trim() ? closed.reason : t('close.generic');
}
