import { normalizeName, type MetricDef } from './metrics.js';

/** The sales roles a person can hold (seed 001's four, with inside sales split as seed 002 does). */
export const ROLES = ['sdr', 'bdr', 'field', 'cs', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that do the same part of the work, for saying over whom a team's rate is read. */
export type RoleGroup = 'inside' | 'field' | 'cs' | 'manager';

export const ROLE_GROUP: Readonly<Record<Role, RoleGroup>> = { sdr: 'inside', bdr: 'inside', field: 'field', cs: 'cs', manager: 'manager' };

/**
 * The built-in metrics each role's work produces (seeds 001–003): inside sales turns leads, target
 * accounts and calls into meetings; field sales runs the meetings and closes; customer success keeps
 * and grows the customer base. A metric no role lists (a team's own) is everyone's.
 */
const ROLE_WORK: Readonly<Record<Role, readonly string[]>> = {
  sdr: ['leads', 'calls', 'connects', 'emails', 'meetings'],
  bdr: ['target_accounts', 'calls', 'connects', 'emails', 'meetings'],
  field: ['meetings', 'visits', 'key_person_contacts', 'wins', 'revenue', 'pipeline'],
  cs: ['accounts', 'customers', 'renewals', 'upsells', 'cross_sells', 'churns', 'csat_points', 'csat_responses', 'expansion_revenue', 'mrr'],
  manager: ['ride_alongs'],
};

const LISTED: ReadonlySet<string> = new Set(Object.values(ROLE_WORK).flat());

/** Whether a role's work produces a metric; a person without a role does everything. */
export function produces(role: string | null, metric: string): boolean {
  if (role === null || !isRole(role)) return true;
  return !LISTED.has(metric) || ROLE_WORK[role].includes(metric);
}

/** Whether a role works every input of a metric (a rate's numerator and denominator, or a count itself). */
export function works(role: string | null, inputs: readonly string[]): boolean {
  return inputs.every((m) => produces(role, m));
}

export function isRole(word: string): word is Role {
  return (ROLES as readonly string[]).includes(word);
}

/**
 * The one group a set of people's roles belong to, or null when they span several or none has a
 * role: what a team rate says it was read over ("inside sales").
 */
export function groupOf(roles: readonly (string | null)[]): RoleGroup | null {
  const groups = new Set(roles.filter((r): r is Role => r !== null && isRole(r)).map((r) => ROLE_GROUP[r]));
  return groups.size === 1 ? [...groups][0]! : null;
}

/** Whether a definition is one a role's work produces, for reading a rate over the right people. */
export const worksOnMetric = (role: string | null, def: MetricDef): boolean => works(role, def.formula ? [...def.formula.numerator, def.formula.denominator] : [def.key]);

const ROLE_WORDS: Readonly<Record<Role, readonly string[]>> = {
  // Inside sales is SDR by default: the inbound side, and the one the seeds list first.
  sdr: ['sdr', 'inbound', 'inside sales', 'インサイドセールス', 'インバウンド', '反響型'],
  bdr: ['bdr', 'outbound', 'アウトバウンド', '新規開拓', '新規開拓型'],
  field: ['field', 'field sales', 'fs', 'closer', 'ae', 'account executive', 'フィールドセールス', 'フィールド', '訪問営業'],
  cs: ['cs', 'csm', 'customer success', 'account', 'account sales', 'カスタマーサクセス', 'アカウント営業'],
  manager: ['manager', 'mgr', 'sales manager', 'leader', 'マネージャー', 'マネジャー', '営業マネージャー', 'リーダー'],
};

const ROLE_INDEX: ReadonlyMap<string, Role> = new Map(ROLES.flatMap((role) => ROLE_WORDS[role].map((word) => [normalizeName(word), role] as const)));

/**
 * The role a word names, in English or Japanese, any width and case; null when unknown.
 * `parseRoleWord("Customer Success")` → `"cs"`; `parseRoleWord("フィールドセールス")` → `"field"`.
 */
export function parseRoleWord(word: string): Role | null {
  return ROLE_INDEX.get(normalizeName(word)) ?? null;
}
