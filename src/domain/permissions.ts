/**
 * Who may do what (DESIGN.md): everyone logs and sees their own numbers; a team's manager sees and
 * steers their team; admins (KPI_ADMINS, Slack owners and admins) do everything.
 */

export type Action =
  | 'log'
  | 'viewOwn'
  | 'viewOthers'
  | 'prepare1on1'
  | 'setTargets'
  | 'applyTemplate'
  | 'defineTree'
  | 'manageMembers'
  | 'changeSettings'
  | 'createTeam'
  | 'defineMetrics';

export const ACTIONS: readonly Action[] = [
  'log',
  'viewOwn',
  'viewOthers',
  'prepare1on1',
  'setTargets',
  'applyTemplate',
  'defineTree',
  'manageMembers',
  'changeSettings',
  'createTeam',
  'defineMetrics',
];

export interface Actor {
  readonly isAdmin: boolean;
  /** The KPI team the actor belongs to, if any. */
  readonly teamId: number | null;
  readonly role: 'rep' | 'manager';
}

/** Allowed, or refused with who can do it instead. */
export type Decision = { readonly allowed: true } | { readonly allowed: false; readonly who: 'admins' | 'teamManagers' };

const EVERYONE: ReadonlySet<Action> = new Set(['log', 'viewOwn']);
const ADMINS_ONLY: ReadonlySet<Action> = new Set(['createTeam']);

/**
 * May `actor` do `action` concerning the team `subjectTeam` (the team of the person whose numbers or
 * targets are at stake, or the team being changed)?
 * `authorize({ isAdmin: false, teamId: 3, role: "manager" }, "setTargets", 3)` → allowed.
 */
export function authorize(actor: Actor, action: Action, subjectTeam: number | null): Decision {
  if (EVERYONE.has(action) || actor.isAdmin) return { allowed: true };
  if (ADMINS_ONLY.has(action)) return { allowed: false, who: 'admins' };
  const managesIt = actor.role === 'manager' && actor.teamId !== null && actor.teamId === subjectTeam;
  return managesIt ? { allowed: true } : { allowed: false, who: subjectTeam === null ? 'admins' : 'teamManagers' };
}
