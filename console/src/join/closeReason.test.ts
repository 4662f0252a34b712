import { describe, expect, it } from 'vitest';
import { closeReasonText } from './closeReason';
import { translate, type Translate } from '../i18n/translate';

const spanish: Translate = (key, params) => translate('es', key, params);

describe('closeReasonText', () => {
  it('tells a Spanish customer why in Spanish for the codes it knows, whatever the server wrote', () => {
    expect(closeReasonText({ code: 4011, reason: 'This code has expired. Ask your technician for a new code.' }, spanish))
      .toBe('Este código ha caducado. Pida uno nuevo a su técnico.');
  });

  it("falls back to the server's sentence, then to a generic one", () => {
    expect(closeReasonText({ code: 4999, reason: 'Something new' }, spanish)).toBe('Something new');
    expect(closeReasonText({ code: 1011, reason: ' ' }, spanish)).toBe('Se ha cerrado la conexión.');
  });
});
