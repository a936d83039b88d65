import type { Better, Formula, MetricDef, SnapshotAt } from './metrics.js';

/**
 * The metrics every workspace starts with (DESIGN.md's table, DOMAIN.md's formulas and the seeds'
 * role KPIs). They are copied into a workspace's own definitions when it is first seen; from then on
 * they are the team's to rename, extend or retire.
 */

interface CountOptions {
  readonly dailyMax?: number;
  readonly better?: Better;
}

const base = { formula: null, outOf: null, builtIn: true, retired: false } as const;

/** A counted flow: summed over a period. */
const count = (key: string, en: string, singular: string, ja: string, counterJa: string, aliases: readonly string[], o: CountOptions = {}): MetricDef => ({
  ...base,
  key,
  kind: 'flow',
  unit: 'count',
  label: { en, ja },
  singular,
  counterJa,
  aliases,
  dailyMax: o.dailyMax ?? 10_000,
  better: o.better ?? 'higher',
});

const money = (key: string, kind: 'flow' | 'snapshot', en: string, ja: string, aliases: readonly string[]): MetricDef => ({
  ...base,
  key,
  kind,
  unit: 'currency',
  label: { en, ja },
  singular: en,
  counterJa: '',
  aliases,
  dailyMax: 1_000_000_000_000,
  better: 'higher',
});

const formula = (numerator: string | readonly string[], denominator: string, denominatorAt: SnapshotAt = 'end'): Formula => ({
  numerator: typeof numerator === 'string' ? [numerator] : numerator,
  denominator,
  denominatorAt,
});

/** A rate in percent. */
const rate = (key: string, en: string, ja: string, aliases: readonly string[], f: Formula, better: Better = 'higher'): MetricDef => ({
  ...base,
  key,
  kind: 'rate',
  unit: 'percent',
  label: { en, ja },
  singular: en,
  counterJa: '',
  aliases,
  dailyMax: null,
  better,
  formula: f,
});

export const BUILT_IN_METRICS: readonly MetricDef[] = [
  count('leads', 'leads', 'lead', 'リード', '件', ['lead', 'リード数'], { dailyMax: 100_000 }),
  count('calls', 'calls', 'call', '架電', '件', ['call', 'dials', 'dial', '架電数', 'コール', 'コール数', '電話'], { dailyMax: 100_000 }),
  count('connects', 'connects', 'connect', '有効架電', '件', ['connect', 'connected calls', '有効架電数', '接続', '接続数'], { dailyMax: 100_000 }),
  count('emails', 'emails', 'email', 'メール', '通', ['email', 'mails', 'mail', 'メール送信', 'メール数', 'メール送信数'], { dailyMax: 100_000 }),
  count('meetings', 'meetings', 'meeting', '商談', '件', [
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
  count('visits', 'visits', 'visit', '訪問', '件', ['visit', '訪問数']),
  count('wins', 'wins', 'win', '受注', '件', ['win', 'deals won', 'deal won', 'contracts', 'contract', 'closed', 'new customers', '受注数', '成約', '成約数', '契約', '契約数', '新規顧客獲得数']),
  money('revenue', 'flow', 'revenue', '売上', ['sales', 'amount', 'bookings', '受注金額', '売上高', '売り上げ']),
  count('upsells', 'upsells', 'upsell', 'アップセル', '件', ['upsell', 'アップセル数']),
  count('cross_sells', 'cross-sells', 'cross-sell', 'クロスセル', '件', ['cross-sell', 'cross sells', 'cross sell', 'crosssell', 'クロスセル数']),
  count('churns', 'churns', 'churn', '解約', '件', ['churn', 'churned customers', 'cancellations', '解約数'], { better: 'lower' }),
  count('ride_alongs', 'ride-alongs', 'ride-along', '同行', '回', ['ride-along', 'ride alongs', 'ride along', 'ridealong', '同行数']),
  count('target_accounts', 'target accounts', 'target account', 'ターゲット企業', '社', ['accounts targeted', 'target companies', 'ターゲット企業数', 'ターゲット数']),
  count('key_person_contacts', 'key-person contacts', 'key-person contact', 'キーマン接触', '件', [
    'key person contacts',
    'key person contact',
    'decision-maker contacts',
    'decision maker contacts',
    'キーマン接触数',
    'キーパーソン接触',
    'キーパーソン接触数',
  ], { dailyMax: 1_000 }),
  // Contacts with existing accounts in a day: a flow. The customers in charge are `customers`, a snapshot.
  count('accounts', 'accounts handled', 'account handled', '対応顧客', '社', ['accounts contacted', '対応顧客数', '顧客対応数'], { dailyMax: 100_000 }),
  {
    ...count('customers', 'customers', 'customer', '担当顧客', '社', ['customer base', 'accounts managed', '担当顧客数', '担当社数', '顧客数'], { dailyMax: 1_000_000 }),
    kind: 'snapshot',
  },
  count('renewals', 'renewals', 'renewal', '継続', '件', ['repeat orders', 'repeat order', 'repeats', '継続数', 'リピート', 'リピート数']),
  count('csat_points', 'CSAT points', 'CSAT point', 'CSAT合計点', '点', ['csat total', 'CSAT合計', 'CSAT点数', '満足度合計点'], { dailyMax: 100_000 }),
  count('csat_responses', 'CSAT responses', 'CSAT response', 'CSAT回答数', '件', ['survey responses', 'CSAT回答', 'アンケート回答数']),
  money('pipeline', 'snapshot', 'pipeline value', 'パイプライン', ['pipeline', 'open pipeline', 'パイプライン金額', 'パイプライン総額']),
  money('mrr', 'snapshot', 'MRR', 'MRR', ['monthly recurring revenue', '月間経常収益', '月次経常収益']),
  money('expansion_revenue', 'flow', 'expansion revenue', '既存顧客売上増加', ['expansion', 'upsell revenue', '既存売上増加', '既存顧客からの売上増加', 'アップセル売上']),

  rate('connect_rate', 'connect rate', '接続率', ['有効架電率'], formula('connects', 'calls')),
  // DOMAIN.md and seed 000: 商談化率 = 商談数 ÷ 架電数.
  rate('meeting_rate', 'meeting rate', '商談化率', ['call-to-meeting rate'], formula('meetings', 'calls')),
  // The funnel's step after a connect: meetings per connected call, a formula of its own with a name of its own.
  rate('connect_meeting_rate', 'connect-to-meeting rate', 'アポ率', ['appointment rate', 'アポ獲得率', '接続商談化率', 'meetings per connect'], formula('meetings', 'connects')),
  rate('win_rate', 'win rate', '受注率', ['close rate', '成約率'], formula('wins', 'meetings')),
  { ...rate('avg_deal_size', 'average deal size', '平均受注単価', ['deal size', 'aov', '受注単価', '平均単価'], formula('revenue', 'wins')), unit: 'currency' },
  rate('lead_meeting_rate', 'lead-to-meeting rate', 'リード商談化率', ['lead meeting rate', 'first meeting rate', 'lead conversion rate', '初回商談率', '初回商談設定率', 'リード商談率'], formula('meetings', 'leads')),
  rate('account_meeting_rate', 'target-account meeting rate', 'ターゲット企業アポ率', ['account meeting rate', 'account appointment rate', 'ターゲットアポ率', 'ターゲット企業アポ獲得率'], formula('meetings', 'target_accounts')),
  // Seed 001 states it per meeting: 「商談数に対するキーパーソン接触率」.
  rate('key_person_rate', 'key-person contact rate', 'キーマン接触率', ['key person rate', 'decision maker rate', 'キーパーソン接触率'], formula('key_person_contacts', 'meetings')),
  // The customer-base rates divide by the customers in charge as the period starts, not by contacts.
  rate('repeat_rate', 'repeat rate', 'リピート率', ['renewal rate', 'retention rate', '継続率', '更新率'], formula('renewals', 'customers', 'start')),
  rate('upsell_rate', 'upsell rate', 'アップセル率', [], formula('upsells', 'customers', 'start')),
  rate('cross_sell_rate', 'cross-sell rate', 'クロスセル率', ['crosssell rate'], formula('cross_sells', 'customers', 'start')),
  // Seed 000's KPI 2-1: upsells and cross-sells together, of the existing customers.
  rate('expansion_rate', 'upsell/cross-sell rate', 'アップセル・クロスセル率', ['upsell and cross-sell rate', 'アップセルクロスセル率'], formula(['upsells', 'cross_sells'], 'customers', 'start')),
  rate('churn_rate', 'churn rate', '解約率', ['cancellation rate', 'attrition rate', 'チャーンレート', 'チャーン率', '顧客解約率'], formula('churns', 'customers', 'start'), 'lower'),
  {
    ...rate('csat', 'CSAT', '顧客満足度', ['customer satisfaction', 'satisfaction', 'csat score', '満足度', '顧客満足度スコア'], formula('csat_points', 'csat_responses')),
    unit: 'score',
    outOf: 5,
  },
];
