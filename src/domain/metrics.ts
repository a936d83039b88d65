/**
 * The built-in sales metrics: canonical keys (what the store, CSV and code use), how people type them
 * in English and Japanese, their units, how a period's value is formed, which direction is better,
 * and the per-day ceiling above which a value is surely a typo.
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
  'target_accounts',
  'key_person_contacts',
  'accounts',
  'renewals',
  'csat_points',
  'csat_responses',
  'pipeline',
] as const;

export const DERIVED_METRICS = [
  'connect_rate',
  'meeting_rate',
  'win_rate',
  'avg_deal_size',
  'lead_meeting_rate',
  'account_meeting_rate',
  'key_person_rate',
  'repeat_rate',
  'upsell_rate',
  'cross_sell_rate',
  'churn_rate',
  'csat',
] as const;

export type LoggedMetric = (typeof LOGGED_METRICS)[number];
export type DerivedMetric = (typeof DERIVED_METRICS)[number];
export type MetricKey = LoggedMetric | DerivedMetric;

export type Unit = 'count' | 'currency' | 'ratio' | 'score';

/**
 * How a logged metric's days make a period: `sum` adds them (calls in a week); `latest` takes the
 * last day that has a value, for snapshots such as the pipeline's open value.
 */
export type Aggregation = 'sum' | 'latest';

/** Which way is good: more calls is better, fewer churns is better. */
export type Better = 'higher' | 'lower';

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
  /** How the days of a period combine into the period's value. */
  readonly aggregation: Aggregation;
  readonly better: Better;
}

export interface DerivedMetricDef {
  readonly key: DerivedMetric;
  readonly unit: 'ratio' | 'currency' | 'score';
  readonly label: Labels;
  readonly aliases: readonly string[];
  readonly numerator: LoggedMetric;
  readonly denominator: LoggedMetric;
  readonly better: Better;
  /** The top of a score's scale, for "4.6 / 5.0"; absent for rates and amounts. */
  readonly outOf?: number;
}

const count = (
  key: LoggedMetric,
  en: string,
  singular: string,
  ja: string,
  counterJa: string,
  aliases: readonly string[],
  dailyMax = 10_000,
  better: Better = 'higher',
): LoggedMetricDef => ({ key, unit: 'count', label: { en, ja }, singular, counterJa, aliases, dailyMax, aggregation: 'sum', better });

const rate = (
  key: DerivedMetric,
  en: string,
  ja: string,
  aliases: readonly string[],
  numerator: LoggedMetric,
  denominator: LoggedMetric,
  better: Better = 'higher',
): DerivedMetricDef => ({ key, unit: 'ratio', label: { en, ja }, aliases, numerator, denominator, better });

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
    aggregation: 'sum',
    better: 'higher',
  },
  upsells: count('upsells', 'upsells', 'upsell', 'アップセル', '件', ['upsell', 'アップセル数']),
  cross_sells: count('cross_sells', 'cross-sells', 'cross-sell', 'クロスセル', '件', ['cross-sell', 'cross sells', 'cross sell', 'crosssell', 'クロスセル数']),
  churns: count('churns', 'churns', 'churn', '解約', '件', ['churn', 'cancellations', '解約数'], 10_000, 'lower'),
  ride_alongs: count('ride_alongs', 'ride-alongs', 'ride-along', '同行', '回', ['ride-along', 'ride alongs', 'ride along', 'ridealong', '同行数']),
  target_accounts: count('target_accounts', 'target accounts', 'target account', 'ターゲット企業', '社', [
    'target accounts',
    'target account',
    'accounts targeted',
    'target companies',
    'ターゲット企業数',
    'ターゲット数',
  ]),
  key_person_contacts: count('key_person_contacts', 'key-person contacts', 'key-person contact', 'キーマン接触', '件', [
    'key-person contact',
    'key person contacts',
    'key person contact',
    'decision-maker contacts',
    'decision maker contacts',
    'キーマン接触数',
    'キーパーソン接触',
    'キーパーソン接触数',
  ], 1_000),
  accounts: count('accounts', 'accounts handled', 'account handled', '担当顧客', '社', [
    'accounts handled',
    'account',
    'customers',
    'customer',
    '担当顧客数',
    '担当社数',
  ], 100_000),
  renewals: count('renewals', 'renewals', 'renewal', '継続', '件', [
    'renewal',
    'repeat orders',
    'repeat order',
    'repeats',
    '継続数',
    'リピート',
    'リピート数',
  ]),
  csat_points: count('csat_points', 'CSAT points', 'CSAT point', 'CSAT合計点', '点', [
    'csat points',
    'csat point',
    'csat total',
    'CSAT合計',
    'CSAT点数',
    '満足度合計点',
  ], 100_000),
  csat_responses: count('csat_responses', 'CSAT responses', 'CSAT response', 'CSAT回答数', '件', [
    'csat responses',
    'csat response',
    'survey responses',
    'CSAT回答',
    'アンケート回答数',
  ]),
  pipeline: {
    key: 'pipeline',
    unit: 'currency',
    label: { en: 'pipeline value', ja: 'パイプライン' },
    singular: 'pipeline value',
    counterJa: '',
    aliases: ['pipeline value', 'open pipeline', 'パイプライン金額', 'パイプライン総額'],
    dailyMax: 1_000_000_000_000,
    // The open deals' total on a day: a snapshot, so a week's value is its last day's, not a sum.
    aggregation: 'latest',
    better: 'higher',
  },
};

export const DERIVED: Readonly<Record<DerivedMetric, DerivedMetricDef>> = {
  connect_rate: rate('connect_rate', 'connect rate', '接続率', ['connect rate', '有効架電率'], 'connects', 'calls'),
  meeting_rate: rate('meeting_rate', 'meeting rate', '商談化率', ['meeting rate', 'appointment rate', 'アポ率', 'アポ獲得率'], 'meetings', 'calls'),
  win_rate: rate('win_rate', 'win rate', '受注率', ['win rate', 'close rate', '成約率'], 'wins', 'meetings'),
  avg_deal_size: {
    key: 'avg_deal_size',
    unit: 'currency',
    label: { en: 'average deal size', ja: '平均受注単価' },
    aliases: ['average deal size', 'deal size', 'aov', '受注単価', '平均単価'],
    numerator: 'revenue',
    denominator: 'wins',
    better: 'higher',
  },
  lead_meeting_rate: rate(
    'lead_meeting_rate',
    'lead-to-meeting rate',
    'リード商談化率',
    ['lead to meeting rate', 'lead meeting rate', 'first meeting rate', 'lead conversion rate', '初回商談率', '初回商談設定率', 'リード商談率'],
    'meetings',
    'leads',
  ),
  account_meeting_rate: rate(
    'account_meeting_rate',
    'target-account meeting rate',
    'ターゲット企業アポ率',
    ['target account meeting rate', 'account meeting rate', 'account appointment rate', 'ターゲットアポ率', 'ターゲット企業アポ獲得率'],
    'meetings',
    'target_accounts',
  ),
  // Seed 001 states it per meeting: 「商談数に対するキーパーソン接触率」.
  key_person_rate: rate(
    'key_person_rate',
    'key-person contact rate',
    'キーマン接触率',
    ['key person contact rate', 'key person rate', 'decision maker rate', 'キーパーソン接触率'],
    'key_person_contacts',
    'meetings',
  ),
  repeat_rate: rate('repeat_rate', 'repeat rate', 'リピート率', ['renewal rate', 'retention rate', '継続率', '更新率'], 'renewals', 'accounts'),
  upsell_rate: rate('upsell_rate', 'upsell rate', 'アップセル率', ['upsell rate'], 'upsells', 'accounts'),
  cross_sell_rate: rate('cross_sell_rate', 'cross-sell rate', 'クロスセル率', ['cross sell rate', 'crosssell rate'], 'cross_sells', 'accounts'),
  churn_rate: rate('churn_rate', 'churn rate', '解約率', ['churn rate', 'cancellation rate', 'attrition rate', 'チャーンレート', 'チャーン率'], 'churns', 'accounts', 'lower'),
  csat: {
    key: 'csat',
    unit: 'score',
    label: { en: 'CSAT', ja: '顧客満足度' },
    aliases: ['customer satisfaction', 'satisfaction', 'csat score', '満足度', '顧客満足度スコア'],
    numerator: 'csat_points',
    denominator: 'csat_responses',
    better: 'higher',
    outOf: 5,
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

/** Which way is good for a metric: `metricBetter("churn_rate")` → `"lower"`. */
export function metricBetter(key: MetricKey): Better {
  return isLoggedMetric(key) ? LOGGED[key].better : DERIVED[key].better;
}

/** How a logged metric's days make a period: `metricAggregation("pipeline")` → `"latest"`. */
export function metricAggregation(key: LoggedMetric): Aggregation {
  return LOGGED[key].aggregation;
}
