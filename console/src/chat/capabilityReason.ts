import type { CapabilityName, Session } from '../api/types';
import type { MessageKey } from '../i18n/en';

/** The steps a phone can name for a missing capability, each said in the technician's language. */
const KNOWN_CODES: Record<string, MessageKey> = {
  accessibility_off: 'cap.reason.accessibility_off',
  accessibility_restricted: 'cap.reason.accessibility_restricted',
};

/**
 * Why `name` is unavailable on the session's phone: the console's own sentence when the phone named
 * a known step, else the phone's reason as it sent it; undefined when it gave none.
 */
export function capabilityReason(
  session: Session | undefined,
  name: CapabilityName,
  t: (key: MessageKey) => string,
): string | undefined {
  const code = session?.capabilityCodes?.[name];
  const key = code ? KNOWN_CODES[code] : undefined;
  return key ? t(key) : session?.capabilityReasons?.[name];
}
