import type { Day } from './days.js';
import type { PeriodKind } from './periods.js';
import type { Role } from './roles.js';

export { ROLES, parseRoleWord, type Role } from './roles.js';

/**
 * Role templates (DOMAIN.md, from seeds 000–004): each role's one to three main KPIs with the seeds'
 * example targets, and the secondary ones a team may add. Rates are fractions (15% is 0.15); CSAT is a
 * score out of 5. Seeds 003 and 004 ask for few main KPIs: "1–3", so a template sets only its main
 * ones unless the secondary ones are asked for too.
 */

/** Whose number a target is: each member's own, or the team's total. */
export type TargetScope = 'member' | 'team';

export interface TemplateTarget {
  readonly metric: string;
  readonly value: number;
  readonly period: PeriodKind;
  readonly scope: TargetScope;
}

export interface RoleTemplate {
  /** The KPIs the role is judged on (1–3). */
  readonly main: readonly TemplateTarget[];
  /** Behaviours that move the main ones, set only when asked for. */
  readonly secondary: readonly TemplateTarget[];
}

const member = (metric: string, value: number, period: PeriodKind): TemplateTarget => ({ metric, value, period, scope: 'member' });
const team = (metric: string, value: number, period: PeriodKind): TemplateTarget => ({ metric, value, period, scope: 'team' });

export const ROLE_TEMPLATES: Readonly<Record<Role, RoleTemplate>> = {
  sdr: {
    // Seed 001: 1日あたりのコール数 50件, 月間新規アポイント数 50件, 資料請求からの初回商談設定率 15% (inbound leads).
    main: [member('calls', 50, 'day'), member('meetings', 50, 'month'), member('lead_meeting_rate', 0.15, 'month')],
    // Seed 000, KPI 1-1-1: 商談化率 20% of calls.
    secondary: [member('meeting_rate', 0.2, 'month')],
  },
  bdr: {
    // Seed 001: the same activity, and ターゲット企業へのアポイント獲得率 5% (outbound).
    main: [member('calls', 50, 'day'), member('meetings', 50, 'month'), member('account_meeting_rate', 0.05, 'month')],
    // Seed 002 names target accounts for BDR without a number; 1,000 a month is what 50 meetings at 5% take.
    secondary: [member('target_accounts', 1_000, 'month'), member('meeting_rate', 0.2, 'month')],
  },
  field: {
    // Seed 001: 月間商談数 30件, 商談数に対する成約率 20%, 平均受注単価 50万円.
    main: [member('meetings', 30, 'month'), member('win_rate', 0.2, 'month'), member('avg_deal_size', 500_000, 'month')],
    // 週あたりの訪問数 10件, 商談数に対するキーパーソン接触率 80%.
    secondary: [member('visits', 10, 'week'), member('key_person_rate', 0.8, 'month')],
  },
  cs: {
    // Seed 001: 月間リピート率 80%, 月間アップセル率 15%, 年間チャーンレート 5%以下 (kept yearly; a month is judged on its compounded share).
    main: [member('repeat_rate', 0.8, 'month'), member('upsell_rate', 0.15, 'month'), member('churn_rate', 0.05, 'year')],
    // 月間クロスセル率 10%, 顧客満足度スコア 4.5/5.0以上.
    secondary: [member('cross_sell_rate', 0.1, 'month'), member('csat', 4.5, 'month')],
  },
  manager: {
    // Seed 001: チーム月間売上高 1000万円, パイプライン総額 目標売上の3倍以上 (the share of members at 80% is computed, not set).
    main: [team('revenue', 10_000_000, 'month'), team('pipeline', 30_000_000, 'month')],
    // 新人メンバーとの商談同行 月2回以上.
    secondary: [member('ride_alongs', 2, 'month')],
  },
};

/** The targets of a template as applied: the main ones, and the secondary ones too when asked. */
export function templateItems(role: Role, withSecondary: boolean): readonly TemplateTarget[] {
  const t = ROLE_TEMPLATES[role];
  return withSecondary ? [...t.main, ...t.secondary] : t.main;
}

/** One target a template sets, from a day on: a person's own, or a team's total. */
export interface TemplateChange {
  readonly scope: 'person' | 'team';
  readonly subject: string;
  readonly metric: string;
  readonly value: number;
  readonly period: PeriodKind;
  readonly effectiveFrom: Day;
}

/**
 * A role template as targets from `from` on: its member targets for `person` and its team targets
 * for `team` (either may be left out). `templateTargets('manager', { team: '7' }, d, false)` → the
 * team's revenue and pipeline targets.
 */
export function templateTargets(role: Role, whose: { readonly person?: string; readonly team?: string }, from: Day, withSecondary = false): TemplateChange[] {
  return templateItems(role, withSecondary).flatMap((x) => {
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
