import { en, type MessageKey, type Messages } from './en';
import { es } from './es';

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];

export const dictionaries: Record<Lang, Messages> = { en, es };

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'es';
}

/** Whether the catalogue has {@code key}: keys from the server (transcript lines, audit details) may be newer than this console. */
export function hasMessage(key: string | null | undefined): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(en, key);
}

/** Looks up a string and fills its {placeholders}; an unknown placeholder stays as written. */
export function translate(lang: Lang, key: MessageKey, params?: TranslateParams): string {
  const template = dictionaries[lang][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The language to start with: a remembered choice wins, then the given default
 * (the join page's portal language), then the browser's language ("es…" → Spanish, else English).
 */
export function chooseLanguage(
  remembered: string | null | undefined,
  fallback: string | null | undefined,
  browserLanguage: string | null | undefined,
): Lang {
  if (isLang(remembered)) return remembered;
  const portal = fallback?.toLowerCase().slice(0, 2);
  if (isLang(portal)) return portal;
  return browserLanguage?.toLowerCase().startsWith('es') ? 'es' : 'en';
}
