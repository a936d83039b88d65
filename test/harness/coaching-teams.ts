import { seedSampleTeam, type SamplePerson } from '../../src/cli/sample-data.js';
import type { Day } from '../../src/domain/days.js';
import type { Locale } from '../../src/domain/locale.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import { ROLE_TEMPLATES } from '../../src/domain/templates.js';
import type { Store, Team } from '../../src/store/index.js';

/** A person of a generated team; `secondary` adds their role template's secondary KPIs (ride-alongs, visits, target accounts…). */
export type GeneratedPerson = SamplePerson & { readonly secondary?: boolean };

export interface GeneratedTeamSpec {
  readonly workspace: string;
  readonly name: string;
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
    channelId: `C${spec.workspace.slice(1)}`,
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
