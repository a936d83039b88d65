import type { SettingKey } from './team-settings.js';
import { wordTable } from './words.js';

/** The words of each team setting, in English and Japanese. */
const KEY_WORDS = wordTable<SettingKey>({
  channel: 'channel',
  チャンネル: 'channel',
  timezone: 'timezone',
  tz: 'timezone',
  zone: 'timezone',
  タイムゾーン: 'timezone',
  language: 'language',
  lang: 'language',
  locale: 'language',
  言語: 'language',
  daily: 'daily',
  日次: 'daily',
  weekly: 'weekly',
  週次: 'weekly',
  workdays: 'workdays',
  営業日: 'workdays',
  holidays: 'holidays',
  祝日: 'holidays',
  catchup: 'catchup',
  'catch-up': 'catchup',
  'morning-dm': 'morning-dm',
  morningdm: 'morning-dm',
  朝のdm: 'morning-dm',
  '1on1-lead': '1on1-lead',
  '1on1lead': '1on1-lead',
  '1on1-checkin': '1on1-checkin',
  checkin: '1on1-checkin',
  funnel: 'funnel',
  ファネル: 'funnel',
  closures: 'closures',
  closure: 'closures',
  closed: 'closures',
  休業日: 'closures',
  休業: 'closures',
  reminder: 'reminder',
  reminders: 'reminder',
  リマインダー: 'reminder',
  リマインド: 'reminder',
  'pace-alerts': 'pace-alerts',
  'pace-alert': 'pace-alerts',
  alerts: 'pace-alerts',
  アラート: 'pace-alerts',
  ペースアラート: 'pace-alerts',
});

export function parseSettingKey(word: string): SettingKey | null {
  return KEY_WORDS.get(word.normalize('NFKC').toLowerCase()) ?? null;
}
