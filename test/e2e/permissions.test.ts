import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, tempDir, type TestBot } from '../harness/bot.js';
import { FakeSlack } from '../harness/fake-slack.js';
import { day } from '../../src/domain/days.js';
import { Store } from '../../src/store/index.js';

/**
 * DESIGN.md "Who may do what", walked cell by cell: every command that touches team A, typed by a
 * rep of A, A's manager, the manager of another team B, and an admin. Each cell starts from the
 * same database, so one cell's change cannot hide another's refusal.
 */

const ADMIN = 'UADMIN1';
const MANAGER_A = 'UMGRA1';
const REP_A = 'UREPA1';
const REP_A2 = 'UREPA2';
const MANAGER_B = 'UMGRB1';
const NEWCOMER = 'UNEW001';
const NOW = new Date('2026-11-20T03:00:00Z');

type Role = 'rep' | 'manager' | 'otherManager' | 'admin';
const ACTOR: Record<Role, string> = { rep: REP_A, manager: MANAGER_A, otherManager: MANAGER_B, admin: ADMIN };

/** Each command and the roles allowed to run it on team A (the others get a refusal naming who can). */
/**
 * `ownTeam`: the command works on the typer's own team, so another team's manager is not refused,
 * they change their team B — and team A stays as it was.
 */
const MATRIX: readonly { command: string; allowed: readonly Role[]; ownTeam?: true; effect?: (store: Store, teamA: number) => Promise<boolean> }[] = [
  { command: 'log calls 5', allowed: ['rep', 'manager', 'otherManager', 'admin'] },
  { command: 'undo', allowed: ['rep', 'manager', 'otherManager', 'admin'] },
  { command: 'status', allowed: ['rep', 'manager', 'otherManager', 'admin'] },
  { command: `status <@${REP_A2}>`, allowed: ['manager', 'admin'] },
  { command: `targets <@${REP_A2}>`, allowed: ['manager', 'admin'] },
  {
    command: `target calls 50/day <@${REP_A2}>`,
    allowed: ['manager', 'admin'],
    effect: async (s) => (await s.targets.of('T0001', 'person', REP_A2, day('2026-11-20'))).length === 1,
  },
  {
    command: `template sdr <@${REP_A2}>`,
    allowed: ['manager', 'admin'],
    effect: async (s) => (await s.targets.of('T0001', 'person', REP_A2, day('2026-11-20'))).length > 0,
  },
  {
    command: `team add <@${NEWCOMER}>`,
    allowed: ['manager', 'admin'],
    ownTeam: true,
    effect: async (s, a) => (await s.teams.ofPerson('T0001', NEWCOMER))?.id === a,
  },
  {
    command: `team remove <@${REP_A2}>`,
    allowed: ['manager', 'admin'],
    ownTeam: true,
    effect: async (s) => (await s.teams.ofPerson('T0001', REP_A2)) === null,
  },
  {
    command: 'settings daily 07:45',
    allowed: ['manager', 'admin'],
    ownTeam: true,
    effect: async (s, a) => (await s.teams.byId(a))!.settings.dailyTime === 7 * 60 + 45,
  },
  {
    command: 'tree set revenue 10,000,000/month',
    allowed: ['manager', 'admin'],
    ownTeam: true,
    effect: async (s, a) => (await s.trees.nodes(a)).length === 1,
  },
  {
    command: 'team create Brand New Team',
    allowed: ['admin'],
    effect: async (s) => (await s.teams.byName('T0001', 'Brand New Team')) !== null,
  },
  { command: 'tree', allowed: ['rep', 'manager', 'otherManager', 'admin'] },
  { command: 'plan 7,000,000/month', allowed: ['rep', 'manager', 'otherManager', 'admin'] },
  { command: 'team', allowed: ['rep', 'manager', 'otherManager', 'admin'] },
];

describe('the permission matrix', () => {
  let seedDir: ReturnType<typeof tempDir>;
  let seedPath: string;
  let teamA: number;

  beforeAll(async () => {
    seedDir = tempDir();
    seedPath = `${seedDir.path}/seed.sqlite`;
    const slack = await new FakeSlack().start();
    const t = await startTestBot({ slack, dbPath: seedPath, clock: () => NOW, env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'en' } });
    await t.reply('team create Team A', { userId: ADMIN, channelId: 'CTEAMA1' });
    await t.reply(`team add <@${MANAGER_A}> as manager`, { userId: ADMIN, channelId: 'CTEAMA1' });
    await t.reply(`team add <@${REP_A}> <@${REP_A2}>`, { userId: ADMIN, channelId: 'CTEAMA1' });
    await t.reply(`team remove <@${ADMIN}>`, { userId: ADMIN, channelId: 'CTEAMA1' });
    await t.reply('team create Team B', { userId: ADMIN, channelId: 'CTEAMB1' });
    await t.reply(`team add <@${MANAGER_B}> as manager`, { userId: ADMIN, channelId: 'CTEAMB1' });
    await t.reply(`team remove <@${ADMIN}>`, { userId: ADMIN, channelId: 'CTEAMB1' });
    teamA = (await t.bot.store.teams.byName('T0001', 'Team A'))!.id;
    await t.stop();
    await slack.stop();
  });
  afterAll(() => seedDir.remove());

  const cells = MATRIX.flatMap((row) => (['rep', 'manager', 'otherManager', 'admin'] as const).map((role) => ({ ...row, role })));

  it.each(cells)('$role: /kpi $command', async ({ command, allowed, role, effect, ownTeam }) => {
    const dir = tempDir();
    const path = `${dir.path}/kpi.sqlite`;
    const { copyFileSync } = await import('node:fs');
    copyFileSync(seedPath, path);
    let t: TestBot | null = null;
    try {
      t = await startTestBot({ dbPath: path, clock: () => NOW, env: { KPI_ADMINS: ADMIN, KPI_LOCALE: 'en' } });
      const channel = role === 'otherManager' ? 'CTEAMB1' : 'CTEAMA1';
      const reply = await t.reply(command, { userId: ACTOR[role], channelId: channel });
      expect(reply.status).toBe(200);
      const refused = / is for (the manager of|admins)/u.test(reply.text);
      const mayRun = allowed.includes(role) || (ownTeam === true && role === 'otherManager');
      expect(refused, reply.text).toBe(!mayRun);
      if (refused) expect(reply.text).toMatch(/<@UADMIN1>|<@UMGRA1>/u);
      if (effect) expect(await effect(t.bot.store, teamA)).toBe(allowed.includes(role) && role !== 'otherManager');
    } finally {
      await t?.stop();
      dir.remove();
    }
  });
});
