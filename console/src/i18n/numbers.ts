import type { Lang } from './translate';

/**
 * A count as each language writes it, the same in the console and on the customer's pages: "4,000"
 * in English; in Spanish "4000" (four-digit numbers take no separator) and "12.000".
 */
export function countText(n: number, lang: Lang): string {
  return n.toLocaleString(lang === 'es' ? 'es-ES' : 'en-GB');
}
