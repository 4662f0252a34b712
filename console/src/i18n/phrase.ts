import { hasMessage, type Translate } from './translate';

/** A sentence of the catalogue with its parameters, as the server stores transcript lines and audit details. */
export interface Phrase {
  key?: string | null;
  params?: Record<string, string> | null;
}

/**
 * The reader's wording of a phrase, or `fallback` (the server's own wording) when there is no key or
 * this console does not know it yet.
 */
export function wordPhrase(t: Translate, phrase: Phrase, fallback: string): string {
  return hasMessage(phrase.key) ? t(phrase.key, phrase.params ?? undefined) : fallback;
}
