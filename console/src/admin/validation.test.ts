import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import {
  createUserBody,
  emptyPortalDraft,
  emptyUserDraft,
  hasErrors,
  portalBody,
  portalDraftOf,
  settingsBody,
  settingsDraftOf,
  slugFrom,
  validateEmail,
  validatePortal,
  validateSettings,
  validateUser,
} from './validation';
import type { AdminPortal, Settings } from './types';

const settings: Settings = {
  publicUrl: null,
  effectivePublicUrl: 'http://localhost:8080',
  smtp: { url: 'smtp://mail.example.com:587', passwordSet: true, from: 'support@example.com', source: 'settings' },
  retention: { transcriptDays: 90, logFileDays: null },
  files: { maxFileMegabytes: 20, maxSessionMegabytes: 100 },
  twoFactor: 'nobody',
  recordings: { limitMegabytes: 10240, usedBytes: 0 },
  sso: {
    issuer: null,
    clientId: null,
    clientSecretSet: false,
    label: null,
    newAccounts: 'match',
    groupClaim: 'groups',
    adminGroup: null,
    enabled: false,
    redirectUri: 'http://localhost:8080/api/v1/auth/sso/callback',
  },
};

describe('technician form', () => {
  it('needs a valid user name and password to create', () => {
    expect(validateUser(emptyUserDraft, true)).toEqual({ username: 'admin.v.required', password: 'admin.v.required' });
    expect(validateUser({ ...emptyUserDraft, username: 'a b', password: 'short' }, true)).toEqual({
      username: 'admin.v.username',
      password: 'admin.v.password',
    });
    expect(hasErrors(validateUser({ ...emptyUserDraft, username: 'pedro', password: 'granite-lantern-1' }, true))).toBe(false);
  });

  it('checks only the display name on an edit', () => {
    expect(validateUser({ ...emptyUserDraft, username: 'x' }, false)).toEqual({});
    expect(validateUser({ ...emptyUserDraft, displayName: 'x'.repeat(121) }, false)).toEqual({ displayName: 'admin.v.displayNameLong' });
  });

  it('sends a trimmed body and leaves an empty display name to the server', () => {
    expect(createUserBody({ username: ' pedro ', displayName: ' ', role: 'admin', password: 'granite-lantern-1', email: ' ' })).toEqual({
      username: 'pedro',
      displayName: undefined,
      role: 'admin',
      password: 'granite-lantern-1',
      email: undefined,
    });
    expect(validateUser({ ...emptyUserDraft, username: 'pedro', password: 'password-1' }, true)).toEqual({ password: 'admin.v.password' });
    expect(validateUser({ ...emptyUserDraft, email: 'not an address' }, false)).toEqual({ email: 'admin.v.email' });
  });
});

describe('portal form', () => {
  const valid = { ...emptyPortalDraft, slug: 'printers', name: 'Printers' };

  it('accepts a complete draft and builds the body with numbers', () => {
    expect(validatePortal(valid, true)).toEqual({});
    const body = portalBody({ ...valid, askBeforeScreenSharing: true, brandColor: '#AABBCC', welcomeText: 'Hola' }, true);
    expect(body).toMatchObject({
      slug: 'printers',
      askBeforeScreenSharing: true,
      codeLifetimeMinutes: 20,
      maxLiveCodes: 8,
      requestTimeoutMinutes: 10,
      brandColor: '#aabbcc',
      welcomeText: 'Hola',
    });
    expect(portalBody(valid, false)).not.toHaveProperty('slug');
  });

  it('names each wrong field', () => {
    const errors = validatePortal(
      { ...valid, slug: '-Bad', name: ' ', codeLifetimeMinutes: '0', maxLiveCodes: '101', welcomeText: 'x'.repeat(1001), brandColor: 'blue', requestTimeoutMinutes: '2.5' },
      true,
    );
    expect(errors).toEqual({
      slug: 'admin.v.slug',
      name: 'admin.v.required',
      codeLifetimeMinutes: 'admin.v.lifetime',
      maxLiveCodes: 'admin.v.maxLiveCodes',
      welcomeText: 'admin.v.welcomeLong',
      brandColor: 'admin.v.color',
      requestTimeoutMinutes: 'admin.v.requestTimeout',
    });
    // The slug cannot change on an edit, so it is not checked there.
    expect(validatePortal({ ...valid, slug: '' }, false)).toEqual({});
  });

  it('fills the fields an older server does not send with their defaults', () => {
    // An older server's portal, without the fields added since.
    const older = { slug: 'default', name: 'Default', language: 'es', askBeforeScreenSharing: false, askBeforeDiagnostics: true, allowChatRequests: true, codeLifetimeMinutes: 20 };
    const draft = portalDraftOf(older as AdminPortal);
    expect(draft).toMatchObject({ brandColor: '#1f6feb', requestTimeoutMinutes: '10', welcomeText: '', language: 'es' });
  });

  it('suggests a slug from the name', () => {
    expect(slugFrom('Impresoras Láser & Co.')).toBe('impresoras-laser-co');
  });
});

describe('settings form', () => {
  it('round-trips the server settings; blank clears, the password is only sent when typed', () => {
    const draft = settingsDraftOf(settings);
    expect(draft).toMatchObject({ publicUrl: '', transcriptDays: '90', logFileDays: '', smtpPassword: '' });
    expect(settingsBody(draft)).toEqual({
      publicUrl: null,
      smtp: { url: 'smtp://mail.example.com:587', from: 'support@example.com' },
      retention: { transcriptDays: 90, logFileDays: null },
      files: { maxFileMegabytes: 20, maxSessionMegabytes: 100 },
    });
    expect(settingsBody({ ...draft, smtpPassword: 's3cret' }).smtp).toHaveProperty('password', 's3cret');
    expect(settingsBody({ ...draft, clearPassword: true }).smtp).toHaveProperty('password', '');
  });

  it('does not send back an SMTP URL left as it was (e.g. the command line one)', () => {
    const fromCommandLine: Settings = { ...settings, smtp: { ...settings.smtp, source: 'command-line', from: null } };
    const draft = settingsDraftOf(fromCommandLine);
    expect(settingsBody({ ...draft, publicUrl: 'https://support.example.com' }, fromCommandLine)).toEqual({
      publicUrl: 'https://support.example.com',
      smtp: { from: null },
      retention: { transcriptDays: 90, logFileDays: null },
      files: { maxFileMegabytes: 20, maxSessionMegabytes: 100 },
    });
    expect(settingsBody({ ...draft, smtpUrl: 'smtp://other:25' }, fromCommandLine).smtp).toEqual({ url: 'smtp://other:25', from: null });
  });

  it('rejects wrong addresses and day counts', () => {
    const draft = settingsDraftOf(settings);
    expect(validateSettings(draft)).toEqual({});
    expect(
      validateSettings({ ...draft, publicUrl: 'support.example.com', smtpUrl: 'http://mail', smtpFrom: 'nobody', transcriptDays: '0', logFileDays: 'ten' }),
    ).toEqual({
      publicUrl: 'admin.v.publicUrl',
      smtpUrl: 'admin.v.smtpUrl',
      smtpFrom: 'admin.v.email',
      transcriptDays: 'admin.v.days',
      logFileDays: 'admin.v.days',
    });
    expect(validateSettings({ ...draft, smtpFrom: 'Tandem <support@example.com>', publicUrl: 'https://support.example.com' })).toEqual({});
  });

  it('checks the test email address', () => {
    expect(validateEmail('')).toBe('admin.v.required');
    expect(validateEmail('ana@')).toBe('admin.v.email');
    expect(validateEmail(' ana@example.com ')).toBeUndefined();
  });

  it('uses message keys that exist', () => {
    const keys = [
      ...Object.values(validatePortal({ ...emptyPortalDraft, brandColor: 'x', codeLifetimeMinutes: 'x', maxLiveCodes: 'x', requestTimeoutMinutes: 'x', welcomeText: 'x'.repeat(2000) }, true)),
      ...Object.values(validateSettings({ ...settingsDraftOf(settings), publicUrl: 'x', smtpUrl: 'x', smtpFrom: 'x', transcriptDays: 'x' })),
      ...Object.values(validateUser({ ...emptyUserDraft, username: '!', password: 'x', displayName: 'x'.repeat(200) }, true)),
    ];
    for (const key of keys) expect(en).toHaveProperty([key as string]);
  });
});
