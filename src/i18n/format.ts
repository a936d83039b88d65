import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { ja as jaLocale, enGB } from 'date-fns/locale';
import type { Day } from '../domain/days.js';
import type { Locale } from './locale.js';

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
  ja: new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 1 }),
};

/** `formatNumber(1234.56, "en")` → `"1,234.6"`. */
export function formatNumber(n: number, locale: Locale): string {
  return numberFormats[locale].format(n);
}

const yenEn = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 });

/**
 * Yen for a reader: `¥10,000,000` in English; in Japanese with 億 and 万 as people write them,
 * `1,000万円`, `1億2,345万6,789円`.
 */
export function formatYen(amount: number, locale: Locale): string {
  const rounded = Math.round(amount);
  if (locale === 'en') return yenEn.format(rounded);
  const sign = rounded < 0 ? '-' : '';
  let rest = Math.abs(rounded);
  const oku = Math.floor(rest / 100_000_000);
  rest -= oku * 100_000_000;
  const man = Math.floor(rest / 10_000);
  rest -= man * 10_000;
  const parts: string[] = [];
  if (oku) parts.push(`${formatNumber(oku, 'ja')}億`);
  if (man) parts.push(`${formatNumber(man, 'ja')}万`);
  if (rest || parts.length === 0) parts.push(formatNumber(rest, 'ja'));
  return `${sign}${parts.join('')}円`;
}

/** A difference of two rates in percentage points: `formatPoints(0.036, "en")` → `"3.6 points"`, `"3.6ポイント"`. */
export function formatPoints(difference: number, locale: Locale): string {
  const n = formatNumber(Math.round(Math.abs(difference) * 1000) / 10, locale);
  return locale === 'ja' ? `${n}ポイント` : `${n} ${n === '1' ? 'point' : 'points'}`;
}

/** A ratio as a percentage: `formatPercent(0.205, "en")` → `"20.5%"`. */
export function formatPercent(ratio: number, locale: Locale): string {
  return `${formatNumber(Math.round(ratio * 1000) / 10, locale)}%`;
}

function utcMidnight(d: Day): TZDate {
  return new TZDate(`${d}T00:00:00Z`, 'UTC');
}

/** Days and months already written out, per form and language: a morning's messages name the same few days thousands of times. */
const written = new Map<string, string>();

function writtenOnce(form: string, d: Day, locale: Locale, write: (midnight: TZDate) => string): string {
  const key = `${form}${locale}${d}`;
  let text = written.get(key);
  if (text === undefined) {
    text = write(utcMidnight(d));
    if (written.size >= 10_000) written.clear();
    written.set(key, text);
  }
  return text;
}

/** A day for a reader: `"Fri 20 Nov"` / `"11月20日(金)"`. */
export function formatDay(d: Day, locale: Locale): string {
  return writtenOnce('day', d, locale, (m) => (locale === 'ja' ? format(m, 'M月d日(E)', { locale: jaLocale }) : format(m, 'EEE d MMM', { locale: enGB })));
}

/** A day where space is short (chart axes): `"2 Nov"` / `"11/2"`. */
export function formatShortDay(d: Day, locale: Locale): string {
  return writtenOnce('short', d, locale, (m) => (locale === 'ja' ? format(m, 'M/d') : format(m, 'd MMM', { locale: enGB })));
}

/** A month for a reader: `"November 2026"` / `"2026年11月"`. */
export function formatMonth(d: Day, locale: Locale): string {
  return writtenOnce('month', d, locale, (m) => (locale === 'ja' ? format(m, 'yyyy年M月') : format(m, 'MMMM yyyy', { locale: enGB })));
}

/** A clock time for a reader in a zone: `"14:05"`. */
export function formatTime(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), 'HH:mm');
}

/** Joins items the way each language lists them: `"a, b and c"` / `"a・b・c"`. */
export function formatList(items: readonly string[], locale: Locale): string {
  if (locale === 'ja') return items.join('・');
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A sentence or line as it starts: its first letter upper-case (`"calls: 5"` → `"Calls: 5"`); Japanese is unchanged. */
export function upperFirst(text: string): string {
  const first = text.charAt(0);
  return first === first.toLowerCase() && first !== first.toUpperCase() ? first.toUpperCase() + text.slice(1) : text;
}

/** An aside as each language writes it after a figure: `" (8.2%)"` / `"(8.2%)"`. */
export function parenthetical(text: string, locale: Locale): string {
  return locale === 'ja' ? `(${text})` : ` (${text})`;
}
