import { describe, expect, it } from 'vitest';
import type { Session } from '../api/types';
import { translate } from '../i18n/translate';
import { sampleSession } from '../testing/fakes';
import { capabilityReason } from './capabilityReason';

const phone = (codes: Session['capabilityCodes'] | undefined): Session =>
  sampleSession({ capabilityReasons: { control: 'Restricted setting (English from the phone)' }, capabilityCodes: codes ?? {} });

describe('capabilityReason', () => {
  it('says a known step in the reader\'s language', () => {
    const es = (key: Parameters<typeof translate>[1]) => translate('es', key);
    expect(capabilityReason(phone({ control: 'accessibility_restricted' }), 'control', es)).toContain('Permitir ajustes restringidos');
    const en = (key: Parameters<typeof translate>[1]) => translate('en', key);
    expect(capabilityReason(phone({ control: 'accessibility_off' }), 'control', en)).toContain('accessibility settings');
  });

  it('falls back to the phone\'s own reason for an unknown or missing step', () => {
    const en = (key: Parameters<typeof translate>[1]) => translate('en', key);
    expect(capabilityReason(phone({ control: 'something_new' }), 'control', en)).toBe('Restricted setting (English from the phone)');
    expect(capabilityReason(phone(undefined), 'control', en)).toBe('Restricted setting (English from the phone)');
    expect(capabilityReason(phone(undefined), 'screen', en)).toBeUndefined();
  });
});
