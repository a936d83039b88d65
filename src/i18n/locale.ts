import type { Locale } from '../domain/locale.js';

export { LOCALES, isLocale, type Locale } from '../domain/locale.js';

/**
 * The language to use for someone whose Slack locale is `slackLocale` (`ja-JP`, `en-GB`, `fr-FR`):
 * Japanese for Japanese, English for every other language we know of, null when Slack did not say.
 */
export function localeFromSlack(slackLocale: string | null | undefined): Locale | null {
  if (!slackLocale) return null;
  return slackLocale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
