import type { MessageKey } from '../i18n/en';
import type { AdminPortal, AdminUser, Settings, SettingsChange } from './types';

/**
 * Form drafts (what the inputs hold, as text), their checks (the same rules the server applies,
 * so most mistakes are shown before a round trip) and the request bodies built from them.
 * A check returns the message key of each wrong field; no key means the field is fine.
 */
export type FieldErrors<F extends string> = Partial<Record<F, MessageKey>>;

export const hasErrors = (errors: Record<string, unknown>): boolean => Object.values(errors).some(Boolean);

const USERNAME = /^[A-Za-z0-9._-]{2,64}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{1,63}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const chars = (text: string) => [...text].length;

function intIn(text: string, min: number, max: number): boolean {
  if (!/^\d+$/.test(text.trim())) return false;
  const n = Number(text.trim());
  return n >= min && n <= max;
}

// Technicians -----------------------------------------------------------------

export interface UserDraft {
  username: string;
  displayName: string;
  role: 'technician' | 'admin';
  password: string;
  /** Matched against the verified email of a single sign-on. */
  email: string;
}

export type UserField = keyof UserDraft;

export const emptyUserDraft: UserDraft = { username: '', displayName: '', role: 'technician', password: '', email: '' };

export function userDraftOf(user: AdminUser): UserDraft {
  return {
    username: user.username,
    displayName: user.displayName ?? '',
    role: user.role === 'admin' ? 'admin' : 'technician',
    password: '',
    email: user.email ?? '',
  };
}

/** `creating`: a new user needs a user name and a password; an edit changes neither. */
export function validateUser(draft: UserDraft, creating: boolean): FieldErrors<UserField> {
  const errors: FieldErrors<UserField> = {};
  if (creating) {
    if (!draft.username.trim()) errors.username = 'admin.v.required';
    else if (!USERNAME.test(draft.username.trim())) errors.username = 'admin.v.username';
    const password = validatePassword(draft.password);
    if (password) errors.password = password;
  }
  if (chars(draft.displayName.trim()) > 120) errors.displayName = 'admin.v.displayNameLong';
  if (draft.email.trim() && !/^[^@\s]+@[^@\s]+$/.test(draft.email.trim())) errors.email = 'admin.v.email';
  return errors;
}

export function validatePassword(password: string): MessageKey | undefined {
  if (!password) return 'admin.v.required';
  if ([...password].length < 12 || [...password].length > 200) return 'admin.v.password';
  return undefined;
}

export function createUserBody(draft: UserDraft) {
  const displayName = draft.displayName.trim();
  const email = draft.email.trim();
  return { username: draft.username.trim(), displayName: displayName || undefined, role: draft.role, password: draft.password, email: email || undefined };
}

export function updateUserBody(draft: UserDraft) {
  return { displayName: draft.displayName.trim() || draft.username, role: draft.role, email: draft.email.trim() || null };
}

// Portals ---------------------------------------------------------------------

export interface PortalDraft {
  slug: string;
  name: string;
  /** auto: the customer's browser or phone decides; en / es: every customer of the portal reads it. */
  language: 'auto' | 'en' | 'es';
  askBeforeScreenSharing: boolean;
  askBeforeDiagnostics: boolean;
  allowChatRequests: boolean;
  /** After each session the customer is asked how it went (1 to 5, a comment). */
  surveyAfterSession: boolean;
  recordSessions: boolean;
  codeLifetimeMinutes: string;
  maxLiveCodes: string;
  welcomeText: string;
  brandColor: string;
  requestTimeoutMinutes: string;
}

export type PortalField = keyof PortalDraft;

export const DEFAULT_BRAND_COLOR = '#1f6feb';

export const emptyPortalDraft: PortalDraft = {
  slug: '',
  name: '',
  language: 'auto',
  // The server's defaults for a new portal.
  askBeforeScreenSharing: false,
  askBeforeDiagnostics: true,
  allowChatRequests: true,
  surveyAfterSession: false,
  recordSessions: false,
  codeLifetimeMinutes: '20',
  maxLiveCodes: '8',
  welcomeText: '',
  brandColor: DEFAULT_BRAND_COLOR,
  requestTimeoutMinutes: '10',
};

export function portalDraftOf(portal: AdminPortal): PortalDraft {
  return {
    slug: portal.slug,
    name: portal.name,
    language: portal.language === 'es' || portal.language === 'en' ? portal.language : 'auto',
    askBeforeScreenSharing: portal.askBeforeScreenSharing,
    askBeforeDiagnostics: portal.askBeforeDiagnostics,
    allowChatRequests: portal.allowChatRequests,
    surveyAfterSession: portal.surveyAfterSession ?? false,
    recordSessions: portal.recordSessions ?? false,
    codeLifetimeMinutes: String(portal.codeLifetimeMinutes),
    maxLiveCodes: String(portal.maxLiveCodes ?? 8),
    welcomeText: portal.welcomeText ?? '',
    brandColor: portal.brandColor || DEFAULT_BRAND_COLOR,
    requestTimeoutMinutes: String(portal.requestTimeoutMinutes ?? 10),
  };
}

/** A slug suggested from a portal's name: "Impresoras Láser" → "impresoras-laser". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

export function validatePortal(draft: PortalDraft, creating: boolean): FieldErrors<PortalField> {
  const errors: FieldErrors<PortalField> = {};
  if (creating) {
    if (!draft.slug.trim()) errors.slug = 'admin.v.required';
    else if (!SLUG.test(draft.slug.trim())) errors.slug = 'admin.v.slug';
  }
  if (!draft.name.trim()) errors.name = 'admin.v.required';
  else if (chars(draft.name.trim()) > 120) errors.name = 'admin.v.nameLong';
  if (!intIn(draft.codeLifetimeMinutes, 1, 1440)) errors.codeLifetimeMinutes = 'admin.v.lifetime';
  if (!intIn(draft.maxLiveCodes, 1, 100)) errors.maxLiveCodes = 'admin.v.maxLiveCodes';
  if (chars(draft.welcomeText) > 1000) errors.welcomeText = 'admin.v.welcomeLong';
  if (!COLOR.test(draft.brandColor.trim())) errors.brandColor = 'admin.v.color';
  if (!intIn(draft.requestTimeoutMinutes, 1, 240)) errors.requestTimeoutMinutes = 'admin.v.requestTimeout';
  return errors;
}

/** The POST (with the slug) or PUT body of a valid draft. */
export function portalBody(draft: PortalDraft, creating: boolean) {
  return {
    ...(creating ? { slug: draft.slug.trim() } : {}),
    name: draft.name.trim(),
    language: draft.language,
    askBeforeScreenSharing: draft.askBeforeScreenSharing,
    askBeforeDiagnostics: draft.askBeforeDiagnostics,
    allowChatRequests: draft.allowChatRequests,
    surveyAfterSession: draft.surveyAfterSession,
    recordSessions: draft.recordSessions,
    codeLifetimeMinutes: Number(draft.codeLifetimeMinutes.trim()),
    maxLiveCodes: Number(draft.maxLiveCodes.trim()),
    welcomeText: draft.welcomeText,
    brandColor: draft.brandColor.trim().toLowerCase(),
    requestTimeoutMinutes: Number(draft.requestTimeoutMinutes.trim()),
  };
}

// Settings --------------------------------------------------------------------

export interface SettingsDraft {
  publicUrl: string;
  smtpUrl: string;
  /** Write-only: empty keeps the stored password. */
  smtpPassword: string;
  /** Remove the stored password (the checkbox next to the field). */
  clearPassword: boolean;
  smtpFrom: string;
  transcriptDays: string;
  logFileDays: string;
  /** Files both ways (docs/files.md), in MB; empty goes back to the default. */
  maxFileMegabytes: string;
  maxSessionMegabytes: string;
}

export type SettingsField = keyof SettingsDraft;

export function settingsDraftOf(settings: Settings): SettingsDraft {
  return {
    publicUrl: settings.publicUrl ?? '',
    smtpUrl: settings.smtp.url ?? '',
    smtpPassword: '',
    clearPassword: false,
    smtpFrom: settings.smtp.from ?? '',
    transcriptDays: settings.retention.transcriptDays == null ? '' : String(settings.retention.transcriptDays),
    logFileDays: settings.retention.logFileDays == null ? '' : String(settings.retention.logFileDays),
    maxFileMegabytes: settings.files ? String(settings.files.maxFileMegabytes) : '',
    maxSessionMegabytes: settings.files ? String(settings.files.maxSessionMegabytes) : '',
  };
}

function isUrl(text: string, schemes: string[]): boolean {
  try {
    const url = new URL(text);
    return schemes.includes(url.protocol) && !!url.hostname;
  } catch {
    return false;
  }
}

export function validateSettings(draft: SettingsDraft): FieldErrors<SettingsField> {
  const errors: FieldErrors<SettingsField> = {};
  const publicUrl = draft.publicUrl.trim();
  if (publicUrl && !isUrl(publicUrl, ['http:', 'https:'])) errors.publicUrl = 'admin.v.publicUrl';
  const smtpUrl = draft.smtpUrl.trim();
  if (smtpUrl && !isUrl(smtpUrl, ['smtp:', 'smtps:'])) errors.smtpUrl = 'admin.v.smtpUrl';
  if (draft.smtpPassword && draft.smtpPassword.length > 500) errors.smtpPassword = 'admin.v.smtpPassword';
  const from = draft.smtpFrom.trim();
  if (from && !EMAIL.test(from.replace(/^.*<([^>]*)>\s*$/, '$1'))) errors.smtpFrom = 'admin.v.email';
  if (draft.transcriptDays.trim() && !intIn(draft.transcriptDays, 1, 36500)) errors.transcriptDays = 'admin.v.days';
  if (draft.logFileDays.trim() && !intIn(draft.logFileDays, 1, 36500)) errors.logFileDays = 'admin.v.days';
  if (draft.maxFileMegabytes.trim() && !intIn(draft.maxFileMegabytes, 1, 1024)) errors.maxFileMegabytes = 'admin.v.fileMegabytes';
  if (draft.maxSessionMegabytes.trim() && !intIn(draft.maxSessionMegabytes, 1, 10240)) {
    errors.maxSessionMegabytes = 'admin.v.sessionMegabytes';
  }
  return errors;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);
const daysOrNull = (text: string) => (text.trim() ? Number(text.trim()) : null);

/** The PUT body of a valid draft: blank fields clear (back to the command line / no retention). */
/**
 * The PUT body of the settings form. With `loaded` (what the form was filled from), an SMTP URL
 * left as it was is not sent: when it came from `--smtp-url` the GET shows it too, and sending it
 * back would store it as a setting without the command line's password.
 */
export function settingsBody(draft: SettingsDraft, loaded?: Settings): SettingsChange {
  const smtp: NonNullable<SettingsChange['smtp']> = {};
  const url = orNull(draft.smtpUrl);
  if (!loaded || url !== (loaded.smtp.url ?? null)) smtp.url = url;
  smtp.from = orNull(draft.smtpFrom);
  if (draft.smtpPassword) smtp.password = draft.smtpPassword;
  else if (draft.clearPassword) smtp.password = '';
  return {
    publicUrl: orNull(draft.publicUrl),
    smtp,
    retention: { transcriptDays: daysOrNull(draft.transcriptDays), logFileDays: daysOrNull(draft.logFileDays) },
    files: { maxFileMegabytes: daysOrNull(draft.maxFileMegabytes), maxSessionMegabytes: daysOrNull(draft.maxSessionMegabytes) },
  };
}

export function validateEmail(address: string): MessageKey | undefined {
  if (!address.trim()) return 'admin.v.required';
  return EMAIL.test(address.trim()) ? undefined : 'admin.v.email';
}
