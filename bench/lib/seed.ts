/**
 * Seeded databases for the benchmarks: a company of teams of ten (a manager, three SDRs, two BDRs,
 * two field reps, two CS reps) with role-template targets and realistic history, loaded through the
 * store's own API (`teams`, `targets`, `history.import`). Cached under bench/.work/ by name, so a
 * rerun reuses them.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { removeDatabase } from './child.js';
import { seedSampleTeam, type SamplePerson } from '../../src/cli/sample-data.js';
import { addDays, type Day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import type { Role } from '../../src/domain/templates.js';
import { Store } from '../../src/store/index.js';

export const WORKSPACE = 'T0BENCH01';
export const TEAM_SIZE = 10;
/** The last day of seeded history: Friday 20 November 2026. */
export const HISTORY_END = '2026-11-20' as Day;
/** The morning the digests are built for: Tuesday 24 November 2026 (Monday the 23rd is a holiday in Japan), when the daily digest and the weekly review are both due. */
export const SLOT_AT = new Date('2026-11-24T09:05:00+09:00');

const ROLES: readonly Role[] = ['manager', 'sdr', 'sdr', 'sdr', 'bdr', 'bdr', 'field', 'field', 'cs', 'cs'];

export interface SeedSpec {
  /** Cache name: the file is bench/.work/<name>.sqlite. */
  readonly name: string;
  readonly people: number;
  /** Days of history ending on HISTORY_END: 365 for a year, 30 for a month. */
  readonly days: number;
  /** Logs per person and workday (each day's numbers arrive in this many logs). */
  readonly logsPerDay: number;
}

/** Raised whenever what a seed holds changes (2: pipelines and SDR target accounts; 3: the customers in charge, 1–3 main KPIs per template), so older caches are rebuilt. */
const SEED_FORMAT = 3;

export interface SeedInfo extends SeedSpec {
  readonly format: number;
  readonly entries: number;
  readonly teams: number;
  readonly seconds: number;
  readonly bytes: number;
}

export const userId = (team: number, member: number) => `U${String(team).padStart(5, '0')}${String(member).padStart(2, '0')}`;

/** The people of team `t`, in their roles, some improving, some with a slipping conversion. */
function teamPeople(t: number): SamplePerson[] {
  return ROLES.map((role, i) => ({
    userId: userId(t, i),
    role,
    ...(i % 4 === 1 ? { trend: { start: 0.85, end: 1.15 } } : {}),
    ...(i % 5 === 4 ? { meetingConversion: { start: 0.22, end: 0.12 } } : {}),
  }));
}

const markerOf = (path: string) => `${path}.json`;

/** The seed's description when a complete one is cached at `path` with the same parameters. */
export function cachedSeed(path: string, spec: SeedSpec): SeedInfo | null {
  if (!existsSync(path) || !existsSync(markerOf(path))) return null;
  const info = JSON.parse(readFileSync(markerOf(path), 'utf8')) as SeedInfo;
  return info.format === SEED_FORMAT && info.people === spec.people && info.days === spec.days && info.logsPerDay === spec.logsPerDay ? info : null;
}

/** Builds the seed at `path` from nothing (any old file is removed first). */
export async function buildSeed(path: string, spec: SeedSpec, progress: (line: string) => void): Promise<SeedInfo> {
  removeDatabase(path, ['.json']);
  const started = performance.now();
  const store = await Store.open(path);
  const at = new Date('2025-11-01T00:00:00Z');
  const from = addDays(HISTORY_END, -(spec.days - 1));
  const teams = Math.ceil(spec.people / TEAM_SIZE);
  let entries = 0;
  try {
    for (let t = 0; t < teams; t += 1) {
      const people = teamPeople(t).slice(0, Math.min(TEAM_SIZE, spec.people - t * TEAM_SIZE));
      const seeded = await seedSampleTeam(store, {
        workspace: WORKSPACE,
        name: `Team ${t}`,
        channelId: `C${String(t).padStart(6, '0')}`,
        settings: defaultTeamSettings('Asia/Tokyo', t % 3 === 2 ? 'ja' : 'en'),
        manager: people[0]!.userId,
        people,
        from,
        to: HISTORY_END,
        at,
        history: { seed: t + 1, logsPerDay: spec.logsPerDay },
        source: `seed-team-${t}.csv`,
      });
      entries += seeded.entries;
      if ((t + 1) % 10 === 0 || t + 1 === teams) {
        const s = (performance.now() - started) / 1000;
        progress(`  ${spec.name}: ${t + 1}/${teams} teams, ${entries.toLocaleString('en-US')} entries, ${s.toFixed(0)} s`);
      }
    }
  } finally {
    await store.close();
  }
  const info: SeedInfo = { ...spec, format: SEED_FORMAT, entries, teams, seconds: (performance.now() - started) / 1000, bytes: statSync(path).size };
  writeFileSync(markerOf(path), JSON.stringify(info, null, 2));
  return info;
}
