import type { Catalog, Variants } from './catalog.js';
import { en } from './en/index.js';
import { ja } from './ja/index.js';
import type { Locale } from './locale.js';

export type { Catalog, Variants, HelpEntry, HelpTopic } from './catalog.js';
export { HELP_TOPICS } from './catalog.js';
export type { DigestCatalog, AdvisedMetric } from './digest-catalog.js';
export type { OneOnOneCatalog } from './oneonone-catalog.js';
export type { ChartsCatalog } from './charts-catalog.js';
export type { CycleCatalog } from './cycle-catalog.js';
export { LOCALES, isLocale, localeFromSlack, type Locale } from './locale.js';
export * from './format.js';

const catalogs: Readonly<Record<Locale, Catalog>> = { en, ja };

/** The wording of a language. */
export function messages(locale: Locale): Catalog {
  return catalogs[locale];
}

/** FNV-1a: a small stable hash, so a seed picks the same variant on every machine. */
function hash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * One phrasing of a sentence, chosen by a seed such as the day and the reader, so the wording changes
 * from day to day but a message built twice reads the same.
 */
export function pick<P>(variants: Variants<P>, seed: string, params: P): string {
  if (variants.length === 0) throw new Error('a sentence needs at least one variant');
  return variants[hash(seed) % variants.length]!(params);
}

/**
 * The phrasing for the `turn`-th time a sentence is said (a workday's number, a week's): consecutive
 * turns take consecutive variants, starting where `salt` puts them, so a sentence said every workday
 * never says the same thing two workdays running and goes through all its phrasings.
 */
export function rotate<P>(variants: Variants<P>, turn: number, salt: string, params: P): string {
  if (variants.length === 0) throw new Error('a sentence needs at least one variant');
  return variants[(hash(salt) + turn) % variants.length]!(params);
}
