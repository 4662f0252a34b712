import type { Capabilities, DeviceDescription } from './agentSession';
import { browserName } from './browserName';

/** Shown to the technician (in English, like every device-reported reason). */
export const WEB_UNAVAILABLE_REASON = 'Chat in the browser cannot share device information or the screen';

export const WEB_CAPABILITIES: Capabilities = {
  chat: { available: true },
  diagnostics: { available: false, reason: WEB_UNAVAILABLE_REASON },
  screen: { available: false, reason: WEB_UNAVAILABLE_REASON },
  control: { available: false, reason: WEB_UNAVAILABLE_REASON },
};

/** The browser chat presents itself as a device of profile "web". */
export function webDevice(userAgent: string | null | undefined): DeviceDescription {
  return {
    manufacturer: 'Web browser',
    model: browserName(userAgent),
    androidVersion: null,
    apiLevel: 0,
    profile: 'web',
  };
}
