import { describe, expect, it } from 'vitest';
import type { LogFile, Session } from '../api/types';
import type { MessageKey } from '../i18n/en';
import { translate } from '../i18n/translate';
import { logFile, sampleSession, UNKNOWN_DEVICE } from '../testing/fakes';
import { composeDefaults, emailRequest, phoneText } from './composeDefaults';

const t = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const tEs = (key: MessageKey, params?: Record<string, string | number>) => translate('es', key, params);

const session = (extra: Partial<Session> = {}): Session =>
  sampleSession({
    id: 's_1',
    device: { manufacturer: 'samsung', model: 'SM-S918B', androidVersion: '14', apiLevel: 34, profile: null },
    capabilities: { chat: true, diagnostics: true, screen: false, control: false },
    ...extra,
  });

const files: LogFile[] = [
  logFile('f1', 'tandem-agent.log', 12_345),
  logFile('f2', 'logcat.txt', 2_000_000),
];

describe('composeDefaults', () => {
  it('names the session code, the customer and the phone, and attaches every file', () => {
    const draft = composeDefaults(session({ identifier: 'Ticket 42' }), files, t);
    expect(draft.to).toBe('');
    expect(draft.subject).toBe('Log files of Ana (Samsung SM-S918B, Android 14), Tandem session 123 456 789');
    expect(draft.message).toBe(
      'Attached are the log files collected in a Tandem support session.\n\n' +
        'Customer: Ana\nPhone: Samsung SM-S918B, Android 14\nIdentifier: Ticket 42\nSession code: 123 456 789\n',
    );
    expect(draft.files).toEqual(['f1', 'f2']);
  });

  it('copes with an unknown customer and phone, in Spanish', () => {
    const draft = composeDefaults(session({ customerName: null, device: UNKNOWN_DEVICE }), [], tEs);
    expect(draft.subject).toBe('Archivos de registro de Cliente (Dispositivo desconocido), sesión de Tandem 123 456 789');
    expect(draft.message).not.toContain('Identificador');
    expect(draft.files).toEqual([]);
  });

  it('says the phone as the Chat window does', () => {
    expect(phoneText(session({ device: { manufacturer: 'Google', model: 'Pixel 8', androidVersion: null, apiLevel: 34, profile: null } }), t)).toBe('Google Pixel 8');
  });
});

describe('emailRequest', () => {
  it('sends the trimmed address and only the files left attached', () => {
    const draft = { ...composeDefaults(session(), files, t), to: '  it@example.com ' };
    expect(emailRequest({ ...draft, files: ['f2'] })).toEqual({ to: 'it@example.com', subject: draft.subject, message: draft.message, files: ['f2'] });
  });
});
