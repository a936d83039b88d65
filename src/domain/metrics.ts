/**
 * The built-in sales metrics: canonical keys (what the store, CSV and code use), how people type them
 * in English and Japanese, their units and the per-day ceiling above which a value is surely a typo.
 */

export const LOGGED_METRICS = [
  'leads',
  'calls',
  'connects',
  'emails',
  'meetings',
  'visits',
  'wins',
  'revenue',
  'upsells',
  'cross_sells',
  'churns',
  'ride_alongs',
] as const;

export const DERIVED_METRICS = ['connect_rate', 'meeting_rate', 'win_rate', 'avg_deal_size'] as const;

export type LoggedMetric = (typeof LOGGED_METRICS)[number];
export type DerivedMetric = (typeof DERIVED_METRICS)[number];
export type MetricKey = LoggedMetric | DerivedMetric;

export type Unit = 'count' | 'currency' | 'ratio';

export interface Labels {
  readonly en: string;
  readonly ja: string;
}

export interface LoggedMetricDef {
  readonly key: LoggedMetric;
  readonly unit: 'count' | 'currency';
  /** Display names: English plural, Japanese noun. */
  readonly label: Labels;
  /** English singular, for "1 call". */
  readonly singular: string;
  /** Japanese counter word written after the number (件, 通, 回); empty for currency. */
  readonly counterJa: string;
  /** Words people type, besides the key and the labels. */
  readonly aliases: readonly string[];
  /** A day's total above this is surely a typo (100,000 calls in a day). */
  readonly dailyMax: number;
}

export interface DerivedMetricDef {
  readonly key: DerivedMetric;
  readonly unit: 'ratio' | 'currency';
  readonly label: Labels;
  readonly aliases: readonly string[];
  readonly numerator: LoggedMetric;
  readonly denominator: LoggedMetric;
}

const count = (
  key: LoggedMetric,
  en: string,
  singular: string,
  ja: string,
  counterJa: string,
  aliases: readonly string[],
  dailyMax = 10_000,
): LoggedMetricDef => ({ key, unit: 'count', label: { en, ja }, singular, counterJa, aliases, dailyMax });

export const LOGGED: Readonly<Record<LoggedMetric, LoggedMetricDef>> = {
  leads: count('leads', 'leads', 'lead', 'リード', '件', ['lead', 'リード数'], 100_000),
  calls: count('calls', 'calls', 'call', '架電', '件', ['call', 'dials', 'dial', '架電数', 'コール', 'コール数', '電話'], 100_000),
  connects: count('connects', 'connects', 'connect', '有効架電', '件', ['connect', 'connected calls', '有効架電数', '接続', '接続数'], 100_000),
  emails: count('emails', 'emails', 'email', 'メール', '通', ['email', 'mails', 'mail', 'メール送信', 'メール数', 'メール送信数'], 100_000),
  meetings: count('meetings', 'meetings', 'meeting', '商談', '件', [
    'meeting',
    'appointments',
    'appointment',
    'appts',
    'appt',
    'opps',
    'opp',
    'opportunities',
    'deals',
    '商談数',
    'アポ',
    'アポ数',
    'アポイント',
    '案件化',
    '商談設定',
    '商談設定数',
  ]),
  visits: count('visits', 'visits', 'visit', '訪問', '件', ['visit', '訪問数']),
  wins: count('wins', 'wins', 'win', '受注', '件', ['win', 'deals won', 'deal won', 'contracts', 'contract', 'closed', '受注数', '成約', '成約数', '契約', '契約数']),
  revenue: {
    key: 'revenue',
    unit: 'currency',
    label: { en: 'revenue', ja: '売上' },
    singular: 'revenue',
    counterJa: '',
    aliases: ['sales', 'amount', '受注金額', '売上高', '売り上げ'],
    dailyMax: 1_000_000_000_000,
  },
  upsells: count('upsells', 'upsells', 'upsell', 'アップセル', '件', ['upsell', 'アップセル数']),
  cross_sells: count('cross_sells', 'cross-sells', 'cross-sell', 'クロスセル', '件', ['cross-sell', 'cross sells', 'cross sell', 'crosssell', 'クロスセル数']),
  churns: count('churns', 'churns', 'churn', '解約', '件', ['churn', 'cancellations', '解約数']),
  ride_alongs: count('ride_alongs', 'ride-alongs', 'ride-along', '同行', '回', ['ride-along', 'ride alongs', 'ride along', 'ridealong', '同行数']),
};

export const DERIVED: Readonly<Record<DerivedMetric, DerivedMetricDef>> = {
  connect_rate: {
    key: 'connect_rate',
    unit: 'ratio',
    label: { en: 'connect rate', ja: '接続率' },
    aliases: ['connect rate', '有効架電率'],
    numerator: 'connects',
    denominator: 'calls',
  },
  meeting_rate: {
    key: 'meeting_rate',
    unit: 'ratio',
    label: { en: 'meeting rate', ja: '商談化率' },
    aliases: ['meeting rate', 'appointment rate', 'アポ率', 'アポ獲得率'],
    numerator: 'meetings',
    denominator: 'calls',
  },
  win_rate: {
    key: 'win_rate',
    unit: 'ratio',
    label: { en: 'win rate', ja: '受注率' },
    aliases: ['win rate', 'close rate', '成約率'],
    numerator: 'wins',
    denominator: 'meetings',
  },
  avg_deal_size: {
    key: 'avg_deal_size',
    unit: 'currency',
    label: { en: 'average deal size', ja: '平均受注単価' },
    aliases: ['average deal size', 'deal size', 'aov', '受注単価', '平均単価'],
    numerator: 'revenue',
    denominator: 'wins',
  },
};

export function isLoggedMetric(key: string): key is LoggedMetric {
  return (LOGGED_METRICS as readonly string[]).includes(key);
}

export function isDerivedMetric(key: string): key is DerivedMetric {
  return (DERIVED_METRICS as readonly string[]).includes(key);
}

export function metricLabel(key: MetricKey, locale: keyof Labels): string {
  return isLoggedMetric(key) ? LOGGED[key].label[locale] : DERIVED[key].label[locale];
}

export function metricUnit(key: MetricKey): Unit {
  return isLoggedMetric(key) ? LOGGED[key].unit : DERIVED[key].unit;
}
