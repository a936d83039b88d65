import { seedSampleTeam, type SamplePerson } from '../../src/cli/sample-data.js';
import { workdaysBetween, type WorkCalendar } from '../../src/domain/calendar.js';
import type { Day } from '../../src/domain/days.js';
import type { Locale } from '../../src/domain/locale.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import { ROLE_TEMPLATES } from '../../src/domain/templates.js';
import type { HistoryRow, Store, Team, TargetChange } from '../../src/store/index.js';

/** A person of a generated team; `secondary` adds their role template's secondary KPIs (ride-alongs, visits, target accounts…). */
export type GeneratedPerson = SamplePerson & { readonly secondary?: boolean };

export interface GeneratedTeamSpec {
  readonly workspace: string;
  readonly name: string;
  /** The team's channel; `C` and the workspace's ID without its `T` by default. */
  readonly channelId?: string;
  readonly locale: Locale;
  readonly people: readonly GeneratedPerson[];
  readonly from: Day;
  readonly to: Day;
  readonly seed: number;
}

/**
 * A team with months of generated history (the demo's sample generator), its role templates' main
 * KPIs, and the secondary ones for the people marked so: many KPIs only one person carries.
 */
export async function seedGeneratedTeam(store: Store, spec: GeneratedTeamSpec): Promise<Team> {
  const at = new Date(`${spec.from}T00:00:00Z`);
  const manager = spec.people.find((p) => p.role === 'manager') ?? spec.people[0]!;
  const { team } = await seedSampleTeam(store, {
    workspace: spec.workspace,
    name: spec.name,
    channelId: spec.channelId ?? `C${spec.workspace.slice(1)}`,
    settings: defaultTeamSettings('Asia/Tokyo', spec.locale),
    manager: manager.userId,
    people: spec.people,
    from: spec.from,
    to: spec.to,
    at,
    history: { seed: spec.seed },
    source: 'generated',
  });
  const secondary = spec.people.flatMap((p) =>
    p.secondary
      ? ROLE_TEMPLATES[p.role].secondary.map((x) => ({
          scope: x.scope === 'member' ? ('person' as const) : ('team' as const),
          subject: x.scope === 'member' ? p.userId : String(team.id),
          metric: x.metric,
          value: x.value,
          period: x.period,
          effectiveFrom: spec.from,
        }))
      : [],
  );
  if (secondary.length) await store.targets.set(spec.workspace, secondary, manager.userId, at, 'template');
  return team;
}

/**
 * The KPIs of a team that one person carries alone, worked out here from the targets in force (not
 * by the code under test): a metric with a member target on exactly one active member and no team target.
 */
export async function soloKpis(store: Store, team: Team, asOf: Day): Promise<Set<string>> {
  const members = (await store.teams.members(team.id)).filter((m) => m.isActive);
  const [own, byPerson] = await Promise.all([
    store.targets.of(team.workspace, 'team', String(team.id), asOf),
    store.targets.inForce(team.workspace, 'person', members.map((m) => m.userId), asOf),
  ]);
  const carriers = new Map<string, number>();
  for (const targets of byPerson.values()) for (const t of targets) carriers.set(t.metric, (carriers.get(t.metric) ?? 0) + 1);
  const teamSet = new Set(own.map((t) => t.metric));
  return new Set([...carriers].filter(([metric, n]) => n === 1 && !teamSet.has(metric)).map(([metric]) => metric));
}

/** Every piece of text in Block Kit blocks: sections, fields, headers, context elements, buttons. */
export function blockTexts(blocks: readonly unknown[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown, key: string | null): void => {
    if (typeof v === 'string') {
      if (key === 'text') out.push(v);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(blocks, null);
  return out;
}

/** A person's history written out day by day: on each workday from `from` to `to`, the numbers `day` gives (the workday's index counts from 0). */
export function dailyRows(userId: string, from: Day, to: Day, calendar: WorkCalendar, day: (d: Day, i: number) => Record<string, number>): HistoryRow[] {
  return workdaysBetween(from, to, calendar).flatMap((d, i) =>
    Object.entries(day(d, i))
      .filter(([, value]) => value > 0)
      .map(([metric, value]) => ({ day: d, userId, metric, value, note: null, loggedAt: new Date(`${d}T09:00:00Z`) })),
  );
}

/** A team written by hand: its manager, its reps in their roles, targets and day-by-day history. */
export interface CraftedTeamSpec {
  readonly workspace: string;
  readonly name: string;
  readonly channelId: string;
  readonly locale: Locale;
  readonly manager: string;
  readonly reps: readonly { readonly userId: string; readonly role: string }[];
  /** Targets, the team's own under the subject `team`. */
  readonly targets: readonly (Omit<TargetChange, 'subject'> & { readonly subject: string })[];
  readonly rows: readonly HistoryRow[];
  readonly at: Date;
}

export async function seedCraftedTeam(store: Store, spec: CraftedTeamSpec): Promise<Team> {
  const team = (await store.teams.create({
    workspace: spec.workspace,
    name: spec.name,
    channelId: spec.channelId,
    settings: defaultTeamSettings('Asia/Tokyo', spec.locale),
    createdBy: spec.manager,
    at: spec.at,
    creatorJoinsAsManager: true,
  }))!;
  await store.teams.addMembers(team, spec.reps.map((r) => r.userId), 'rep', spec.at);
  for (const role of new Set(spec.reps.map((r) => r.role))) {
    await store.teams.setSalesRole(spec.workspace, spec.reps.filter((r) => r.role === role).map((r) => r.userId), role, spec.at);
  }
  const targets = spec.targets.map((t) => (t.subject === 'team' ? { ...t, subject: String(team.id) } : t));
  if (targets.length) await store.targets.set(spec.workspace, targets, spec.manager, spec.at, 'command');
  if (spec.rows.length) await store.history.import(spec.workspace, 'crafted', spec.rows, spec.at);
  return team;
}

/**
 * What no message may show (issue 12): a figure or forecast without its unit, `0 / 0`, a change of
 * nothing (`+0%`, `+0 points`), and in English a sentence or a line that starts lower-case. Returns the problems found.
 */
export function wordingProblems(text: string, locale: Locale, sentences: readonly { readonly text: string }[] = []): string[] {
  const problems: string[] = [];
  const found = (re: RegExp, what: string) => {
    const m = text.match(re);
    if (m) problems.push(`${what}: “${m[0]}”`);
  };
  found(/\/ [\d,.]+(?=\s*[(（]|\s*$)/mu, 'a figure without its unit');
  found(/(heading for|着地見込み) [\d,.]+\s*$/mu, 'a forecast without its unit');
  found(/(^|[^\d,.])0 \/ 0([^\d,.]|$)/mu, '0 / 0');
  found(/[+−-]0(\.0)?(%| ?points?|ポイント)/u, 'a change of nothing');
  if (locale === 'en') {
    for (const s of sentences) if (/^\p{Ll}/u.test(s.text)) problems.push(`a sentence starts lower-case: “${s.text}”`);
    for (const line of text.split('\n')) {
      const start = line.replace(/^[\s•*_`]*(\d+\.\s)?/u, '').replace(/^[\p{Extended_Pictographic}\uFE0F\s]+/u, '');
      if (/^\p{Ll}/u.test(start)) problems.push(`a line starts lower-case: “${line}”`);
    }
  }
  return problems;
}
