import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

const KNOWN = new Set([4000, 4001, 4004, 4010, 4011, 4012, 4013, 4014, 4020, 4029]);

/** The server's close reason is a sentence meant for the customer; without one, ours for the code. */
export function closeReasonText(closed: { code: number; reason: string }, t: Translate): string {
  if (closed.reason.trim()) return closed.reason;
  return KNOWN.has(closed.code) ? t(`close.${closed.code}` as MessageKey) : t('close.generic');
}
