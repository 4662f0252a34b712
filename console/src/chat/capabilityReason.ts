import type { CapabilityName, Session } from '../api/types';
import { reasonText } from '../i18n/deviceReasons';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translate';

/** The steps a phone can name for a missing capability, each said in the technician's language. */
const KNOWN_CODES: Record<string, MessageKey> = {
  accessibility_off: 'cap.reason.accessibility_off',
  accessibility_restricted: 'cap.reason.accessibility_restricted',
};

/**
 * Why `name` is unavailable on the session's phone: the console's own sentence when the phone named
 * a known step, else the phone's reason (in the reader's language when it is one of Tandem's own,
 * see deviceReasons); undefined when it gave none.
 */
export function capabilityReason(
  session: Session | undefined,
  name: CapabilityName,
  t: Translate,
): string | undefined {
  const code = session?.capabilityCodes?.[name];
  const key = code ? KNOWN_CODES[code] : undefined;
  return key ? t(key) : reasonText(t, session?.capabilityReasons?.[name]) || undefined;
}
