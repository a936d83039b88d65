import type { Day } from '../../src/domain/days.js';
import { defaultTeamSettings } from '../../src/domain/team-settings.js';
import type { Locale } from '../../src/domain/locale.js';
import type { Store, Team } from '../../src/store/index.js';

export const MANAGER = 'UMGR0001';
export const REPS = ['UREP0001', 'UREP0002', 'UREP0003'];

/**
 * A known data set: the team "Tokyo" (channel CTOKYO1, Asia/Tokyo, jp holidays) with a manager and
 * three reps on 50 calls a workday and 30 meetings a month; the team on ¥10,000,000 a month; on
 * Friday 2026-11-20 the reps logged 60, 45 and 30 calls, 3, 2 and 1 meetings, and one win of ¥1,200,000.
 */
export async function seedTokyo(store: Store, locale: Locale = 'en', workspace = 'T0001'): Promise<Team> {
  const at = new Date('2026-11-01T00:00:00Z');
  const team = (await store.teams.create({
    workspace,
    name: 'Tokyo',
    channelId: 'CTOKYO1',
    settings: defaultTeamSettings('Asia/Tokyo', locale),
    createdBy: MANAGER,
    at,
    creatorJoinsAsManager: true,
  }))!;
  await store.teams.addMembers(team, REPS, 'rep', at);
  const from = '2026-11-01' as Day;
  await store.targets.set(
    workspace,
    [
      ...REPS.flatMap((u) => [
        { scope: 'person' as const, subject: u, metric: 'calls' as const, value: 50, period: 'day' as const, effectiveFrom: from },
        { scope: 'person' as const, subject: u, metric: 'meetings' as const, value: 30, period: 'month' as const, effectiveFrom: from },
      ]),
      { scope: 'team' as const, subject: String(team.id), metric: 'revenue' as const, value: 10_000_000, period: 'month' as const, effectiveFrom: from },
    ],
    MANAGER,
    at,
    'command',
  );
  const d = '2026-11-20' as Day;
  const loggedAt = new Date('2026-11-20T08:00:00Z');
  await store.history.import(
    workspace,
    'seed',
    [
      { day: d, userId: REPS[0]!, metric: 'calls', value: 60, note: null, loggedAt },
      { day: d, userId: REPS[0]!, metric: 'meetings', value: 3, note: null, loggedAt },
      { day: d, userId: REPS[1]!, metric: 'calls', value: 45, note: 'tried a shorter opener', loggedAt },
      { day: d, userId: REPS[1]!, metric: 'meetings', value: 2, note: 'tried a shorter opener', loggedAt },
      { day: d, userId: REPS[2]!, metric: 'calls', value: 30, note: null, loggedAt },
      { day: d, userId: REPS[2]!, metric: 'meetings', value: 1, note: null, loggedAt },
      { day: d, userId: REPS[2]!, metric: 'wins', value: 1, note: null, loggedAt },
      { day: d, userId: REPS[2]!, metric: 'revenue', value: 1_200_000, note: null, loggedAt },
    ],
    at,
  );
  return team;
}
