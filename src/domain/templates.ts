import type { Day } from './days.js';
import { normalizeName } from './metric-names.js';
import type { MetricKey } from './metrics.js';
import type { PeriodKind } from './periods.js';

/**
 * Role templates (DOMAIN.md, from seed 001): the KPIs and example targets a role starts with.
 * Rates are fractions (15% is 0.15); CSAT is a score out of 5.
 */

export const ROLES = ['sdr', 'bdr', 'field', 'cs', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** Whose number a target is: each member's own, or the team's total. */
export type TargetScope = 'member' | 'team';

export interface TemplateTarget {
  readonly metric: MetricKey;
  readonly value: number;
  readonly period: PeriodKind;
  readonly scope: TargetScope;
}

const member = (metric: MetricKey, value: number, period: PeriodKind): TemplateTarget => ({ metric, value, period, scope: 'member' });
const team = (metric: MetricKey, value: number, period: PeriodKind): TemplateTarget => ({ metric, value, period, scope: 'team' });

const SDR: readonly TemplateTarget[] = [
  member('calls', 50, 'day'),
  member('meetings', 50, 'month'),
  // 「資料請求からの初回商談設定率 15%」: first meetings from inbound leads.
  member('lead_meeting_rate', 0.15, 'month'),
  member('account_meeting_rate', 0.05, 'month'),
];

export const ROLE_TEMPLATES: Readonly<Record<Role, readonly TemplateTarget[]>> = {
  sdr: SDR,
  // The seeds name target accounts for BDR without a number. 1,000 a month is what the template's
  // own numbers need: 50 meetings ÷ 5% appointment rate, about 50 calls a day over 20 workdays.
  bdr: [...SDR, member('target_accounts', 1_000, 'month')],
  field: [
    member('meetings', 30, 'month'),
    member('visits', 10, 'week'),
    member('key_person_rate', 0.8, 'month'),
    member('win_rate', 0.2, 'month'),
    member('avg_deal_size', 500_000, 'month'),
  ],
  cs: [
    member('repeat_rate', 0.8, 'month'),
    member('upsell_rate', 0.15, 'month'),
    member('cross_sell_rate', 0.1, 'month'),
    // 「年間チャーンレート 5%以下」: judged over the year, since rates never convert between periods.
    member('churn_rate', 0.05, 'year'),
    member('csat', 4.5, 'month'),
  ],
  manager: [
    team('revenue', 10_000_000, 'month'),
    // 「パイプライン総額: 目標売上の3倍以上」: three times the team's revenue target.
    team('pipeline', 30_000_000, 'month'),
    // 「新人メンバーとの商談同行: 月2回以上」.
    member('ride_alongs', 2, 'month'),
  ],
};

/** One target a template sets, from a day on: a person's own, or a team's total. */
export interface TemplateChange {
  readonly scope: 'person' | 'team';
  readonly subject: string;
  readonly metric: MetricKey;
  readonly value: number;
  readonly period: PeriodKind;
  readonly effectiveFrom: Day;
}

/**
 * A role template as targets from `from` on: its member targets for `person` and its team targets
 * for `team` (either may be left out). `templateTargets('manager', { team: '7' }, d)` → the team's
 * revenue and pipeline targets.
 */
export function templateTargets(role: Role, whose: { readonly person?: string; readonly team?: string }, from: Day): TemplateChange[] {
  return ROLE_TEMPLATES[role].flatMap((x) => {
    const subject = x.scope === 'member' ? whose.person : whose.team;
    if (subject === undefined) return [];
    return [{ scope: x.scope === 'member' ? 'person' : 'team', subject, metric: x.metric, value: x.value, period: x.period, effectiveFrom: from } as const];
  });
}

/**
 * The attainment a member must reach for the manager KPI 「メンバー全員のKPI達成率: 80%以上」
 * (seed 001): every member at 80% or more of their targets. Reports compute the share of members
 * at or above it from the members' progress; nothing is logged for it.
 */
export const MEMBER_AT_TARGET_SHARE = 0.8;

const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  // Inside sales is SDR by default: the inbound side, and the one the seeds list first.
  sdr: ['sdr', 'inbound', 'inside sales', 'インサイドセールス', 'インバウンド', '反響型'],
  bdr: ['bdr', 'outbound', 'アウトバウンド', '新規開拓', '新規開拓型'],
  field: ['field', 'field sales', 'fs', 'closer', 'ae', 'account executive', 'フィールドセールス', 'フィールド', '訪問営業'],
  cs: ['cs', 'csm', 'customer success', 'account', 'account sales', 'カスタマーサクセス', 'アカウント営業'],
  manager: ['manager', 'mgr', 'sales manager', 'leader', 'マネージャー', 'マネジャー', '営業マネージャー', 'リーダー'],
};

const ROLE_INDEX: ReadonlyMap<string, Role> = new Map(
  ROLES.flatMap((role) => ROLE_WORDS[role].map((word) => [normalizeName(word), role] as const)),
);

/**
 * The role a word names, in English or Japanese, any width and case; null when unknown.
 * `parseRoleWord("Customer Success")` → `"cs"`; `parseRoleWord("フィールドセールス")` → `"field"`.
 */
export function parseRoleWord(word: string): Role | null {
  return ROLE_INDEX.get(normalizeName(word)) ?? null;
}
