import { describe, expect, it } from 'vitest';
import { reasonText } from './deviceReasons';
import { translate, type Translate } from './translate';

const es: Translate = (key, params) => translate('es', key, params);
const en: Translate = (key, params) => translate('en', key, params);

describe('reasonText', () => {
  it("words the agents' own reasons in the reader's language", () => {
    expect(reasonText(es, "This phone's Tandem app is chat-only: screen sharing and remote control are offered on Samsung and LG phones."))
      .toBe('La aplicación Tandem de este teléfono es solo de chat: compartir pantalla y el control remoto se ofrecen en teléfonos Samsung y LG.');
    expect(reasonText(es, "waiting for the customer's consent")).toBe('a la espera del consentimiento del cliente');
    expect(reasonText(en, "waiting for the customer's consent")).toBe("waiting for the customer's consent");
  });

  it('words a reason inside a reason (Android: control needs the screen, which is missing)', () => {
    expect(reasonText(es, 'Remote control needs screen sharing: This phone offers no screen capture (MediaProjection is missing).'))
      .toBe('El control remoto necesita compartir la pantalla: Este teléfono no permite capturar la pantalla (falta MediaProjection).');
  });

  it('shows an unknown reason as the phone gave it', () => {
    expect(reasonText(es, 'Some vendor reason')).toBe('Some vendor reason');
    expect(reasonText(es, null)).toBe('');
  });
});
