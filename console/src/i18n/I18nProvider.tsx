import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { MessageKey } from './en';
import { chooseLanguage, translate, type Lang, type Translate, type TranslateParams } from './translate';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Local wall-clock time of an ISO timestamp, e.g. "14:05". */
  time: (iso: string | null | undefined) => string;
  /** Date and time of an ISO timestamp, for tooltips and history. */
  dateTime: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

interface Props {
  /** Where the choice is remembered (localStorage for the console, sessionStorage for the join page). */
  storage: Storage | null;
  storageKey: string;
  /** Language to use when nothing is remembered (join page: the portal's language). */
  defaultLang?: string | null;
  children: ComponentChildren;
}

function readStored(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null; // storage can be disabled (privacy settings); fall back to the defaults
  }
}

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions) {
  const format = new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', options);
  return (iso: string | null | undefined) => {
    if (!iso) return '';
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? '' : format.format(date);
  };
}

export function I18nProvider({ storage, storageKey, defaultLang, children }: Props) {
  const [lang, setLangState] = useState<Lang>(() =>
    chooseLanguage(readStored(storage, storageKey), defaultLang, globalThis.navigator?.language),
  );

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const setLang = (next: Lang) => {
      try {
        storage?.setItem(storageKey, next);
      } catch {
        // not remembered, but still switched
      }
      setLangState(next);
    };
    const t = (key: MessageKey, params?: TranslateParams) => translate(lang, key, params);
    return {
      lang,
      setLang,
      t,
      time: formatter(lang, { hour: '2-digit', minute: '2-digit' }),
      dateTime: formatter(lang, { dateStyle: 'medium', timeStyle: 'short' }),
    };
  }, [lang, storage, storageKey]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
