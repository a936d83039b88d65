import { check, mentionList, standingOf, workingTeam } from './authority.js';
import type { CommandContext } from './context.js';
import { CLIENT_COMMANDS, type ClientRequest } from './parse-client.js';
import { targetLines } from './targets.js';
import { dayInZone } from '../domain/days.js';
import { funnelStages } from '../domain/funnel.js';
import { defaultTeamSettings, formatClock } from '../domain/team-settings.js';
import { formatDay, formatList, messages, type Locale } from '../i18n/index.js';
import { metricLabel } from '../reports/amounts.js';
import { context, header, section, type Message } from '../reports/blocks.js';
import { loadClientReport } from '../reports/client-report.js';
import { renderClientReport } from '../reports/client-report-render.js';
import { definedMetrics, renderDefinitions } from '../reports/definitions.js';
import { textMessage } from '../reports/receipts.js';
import { weekdayName } from '../reports/team.js';
import { loadTeamTargets } from '../reports/tree.js';
import type { Team } from '../store/index.js';

/** seed 003's phases when the engagement has no agency team to take them from: lead acquisition → meeting creation → closing. */
const CLIENT_PHASES = ['leads', 'meetings', 'wins'];

/** An engagement by the name typed, or the message naming the ones there are. */
async function engagementNamed(ctx: CommandContext, typed: string): Promise<{ team: Team } | { refused: Message }> {
  const team = await ctx.store.engagements.byName(ctx.caller.teamId, typed);
  if (team) return { team };
  const known = (await ctx.store.engagements.inWorkspace(ctx.caller.teamId)).map((t) => t.engagement!.client);
  return { refused: textMessage(messages(ctx.caller.locale).clients.notFound({ word: typed, known: formatList(known, ctx.caller.locale) })) };
}

/** `/kpi client`: every engagement of the workspace, with its report and how many work on it. */
async function listClients(ctx: CommandContext): Promise<Message> {
  const c = messages(ctx.caller.locale).clients;
  const all = await ctx.store.engagements.inWorkspace(ctx.caller.teamId);
  if (all.length === 0) return textMessage(c.listNone);
  const lines = await Promise.all(
    all.map(async (t) =>
      c.listLine({
        client: t.engagement!.client,
        channel: t.channelId ? `<#${t.channelId}>` : c.noChannel,
        cadence: c.cadenceName[t.engagement!.report],
        people: (await ctx.store.engagements.members(t.id)).length,
      }),
    ),
  );
  return { text: [c.listTitle, ...lines].join('\n'), blocks: [header(c.listTitle), section(lines.join('\n'))] };
}

/** `/kpi client add <client> [#channel] [weekly|monthly] [en|ja]`: a team's managers start one for their team; admins too. */
async function addClient(ctx: CommandContext, r: Extract<ClientRequest, { kind: 'clientAdd' }>): Promise<Message> {
  const { caller } = ctx;
  const c = messages(caller.locale).clients;
  const standing = await standingOf(ctx);
  const parent = standing.team;
  const refused = await check(ctx, standing, parent ? 'manageMembers' : 'createTeam', parent);
  if (refused) return refused;
  const here = caller.channelId && /^[CG]/u.test(caller.channelId) ? caller.channelId : null;
  const channel = r.channelId ?? here;
  const locale = r.locale ?? parent?.settings.locale ?? caller.locale;
  const settings = { ...defaultTeamSettings(parent?.settings.timezone ?? ctx.defaults.timezone, locale), funnel: parent?.settings.funnel ?? CLIENT_PHASES };
  const report = r.report ?? 'weekly';
  const team = await ctx.store.engagements.create({
    workspace: caller.teamId,
    client: r.name,
    parentTeam: parent?.id ?? null,
    channelId: channel,
    settings,
    report,
    createdBy: caller.userId,
    at: ctx.clock(),
  });
  if (!team) return textMessage(c.exists({ client: r.name }));
  const language = messages(caller.locale).languageNames[locale];
  return textMessage(
    [c.created({ client: r.name, channel: channel ? `<#${channel}>` : c.noChannel, cadence: c.cadenceName[report], language }), c.createdNext({ client: r.name.replace(/\s+/gu, '') })].join('\n'),
  );
}

/** `/kpi client <client>`: its report, who is on it, its phases and its targets. */
async function showClient(ctx: CommandContext, team: Team): Promise<Message> {
  const locale = ctx.caller.locale;
  const c = messages(locale).clients;
  const e = team.engagement!;
  const today = dayInZone(ctx.clock(), team.settings.timezone);
  const [members, targets, catalog] = await Promise.all([
    ctx.store.engagements.members(team.id),
    ctx.store.targets.of(team.workspace, 'team', String(team.id), today),
    ctx.store.metrics.catalog(team.workspace),
  ]);
  const funnel = team.settings.funnel.flatMap((k) => (catalog.get(k) ? [metricLabel(catalog.get(k)!, locale)] : [])).join(' → ');
  const lines = [
    c.showLines({
      channel: team.channelId ? `<#${team.channelId}>` : c.noChannel,
      cadence: `${c.cadenceName[e.report]} (${reportWhen(team, e.report, locale)})`,
      language: messages(locale).languageNames[team.settings.locale],
      people: members.length ? mentionList(members.map((m) => m.userId), locale) : '–',
      funnel,
    }),
    targets.length ? c.showTargets({ targets: targetLines(targets, locale, catalog).join(messages(locale).itemSeparator) }) : c.showNoTargets({ client: e.client }),
  ];
  const title = c.showTitle({ client: e.client });
  const hint = c.showHint({ client: e.client.replace(/\s+/gu, '') });
  return { text: [title, ...lines, hint].join('\n'), blocks: [header(title), section(lines.join('\n')), context(hint)] };
}

/** When an engagement's report goes: `every Mon at 09:00`, `毎月最初の営業日 09:00`. */
function reportWhen(team: Team, cadence: 'weekly' | 'monthly', locale: Locale): string {
  const c = messages(locale).clients;
  // Without a weekly time the scheduler sends no report (clientSlotsAround): say so rather than a time.
  if (team.settings.weeklyTime === null) return c.reportWhen.off;
  const time = formatClock(team.settings.weeklyTime);
  return cadence === 'weekly' ? c.reportWhen.weekly({ day: weekdayName(team.settings.weeklyDay, locale), time }) : c.reportWhen.monthly({ time });
}

/** Who may change an engagement: the managers of its agency team, and admins. */
async function mayRun(ctx: CommandContext, team: Team): Promise<Message | null> {
  return check(ctx, await standingOf(ctx), 'manageMembers', team);
}

async function joinClient(ctx: CommandContext, team: Team, userIds: readonly string[], asDefault: boolean): Promise<Message> {
  const refused = await mayRun(ctx, team);
  if (refused) return refused;
  const c = messages(ctx.caller.locale).clients;
  const client = team.engagement!.client;
  const { added, already } = await ctx.store.engagements.join(ctx.caller.teamId, team.id, userIds, ctx.clock(), asDefault);
  const lines = [...(added.length ? [c.joined({ client, people: mentionList(added, ctx.caller.locale) })] : []), ...(already.length ? [c.alreadyIn({ client, people: mentionList(already, ctx.caller.locale) })] : [])];
  if (asDefault) lines.push(c.defaultSet({ client }));
  return textMessage(lines.join('\n'));
}

async function leaveClient(ctx: CommandContext, team: Team, userIds: readonly string[]): Promise<Message> {
  const refused = await mayRun(ctx, team);
  if (refused) return refused;
  const c = messages(ctx.caller.locale).clients;
  const client = team.engagement!.client;
  const left = await ctx.store.engagements.leave(team.id, userIds, ctx.clock());
  const not = userIds.filter((u) => !left.includes(u));
  return textMessage([...(left.length ? [c.left({ client, people: mentionList(left, ctx.caller.locale) })] : []), ...(not.length ? [c.notIn({ client, people: mentionList(not, ctx.caller.locale) })] : [])].join('\n'));
}

/** `/kpi client <client> report`: the report as the client's channel would get it now, to the caller only; with a cadence, sets it. */
async function clientReport(ctx: CommandContext, team: Team, cadence: 'weekly' | 'monthly' | null): Promise<Message> {
  const c = messages(ctx.caller.locale).clients;
  if (cadence !== null) {
    const refused = await check(ctx, await standingOf(ctx), 'changeSettings', team);
    if (refused) return refused;
    await ctx.store.engagements.setReport(team.id, cadence);
    return textMessage(c.cadenceSet({ client: team.engagement!.client, cadence: c.cadenceName[cadence], when: reportWhen(team, cadence, ctx.caller.locale) }));
  }
  const now = ctx.clock();
  const report = renderClientReport(await loadClientReport(ctx.store, team, dayInZone(now, team.settings.timezone), now), team.settings.locale);
  return { text: `${c.reportPreview}\n${report.text}`, blocks: [context(c.reportPreview), ...report.blocks] };
}

/** `/kpi definitions [@client]`: every KPI of the caller's team (or the engagement) with its unit, measure, formula and agreed definition. */
export async function showDefinitions(ctx: CommandContext, client: string | null): Promise<Message> {
  let team: Team | null;
  if (client !== null) {
    const found = await engagementNamed(ctx, client);
    if ('refused' in found) return found.refused;
    team = found.team;
  } else team = await workingTeam(ctx, await standingOf(ctx));
  const t = messages(ctx.caller.locale);
  if (!team) return textMessage(t.noTeam);
  const today = dayInZone(ctx.clock(), team.settings.timezone);
  const catalog = await ctx.store.metrics.catalog(team.workspace);
  const [{ targets }, agreed] = await Promise.all([loadTeamTargets(ctx.store, team, today, catalog), ctx.store.metrics.definitions(team.workspace)]);
  const kpis = [...targets.flatMap((x) => catalog.get(x.metric) ?? []), ...funnelStages(team.settings.funnel, catalog).map((s) => s.rate)];
  return renderDefinitions(team.engagement?.client ?? team.name, definedMetrics(kpis, catalog), catalog, agreed, ctx.caller.locale);
}

/** `/kpi decision [@client] <text>`, or the recent decisions without text. */
export async function handleDecision(ctx: CommandContext, r: Extract<ClientRequest, { kind: 'decision' | 'decisions' }>): Promise<Message> {
  const { caller } = ctx;
  const c = messages(caller.locale).clients;
  let team: Team | null;
  if (r.client !== null) {
    const found = await engagementNamed(ctx, r.client);
    if ('refused' in found) return found.refused;
    team = found.team;
  } else team = await workingTeam(ctx, await standingOf(ctx));
  if (!team) return textMessage(messages(caller.locale).noTeam);
  const where = team.engagement?.client ?? team.name;
  // The people on it record what their review decided; its managers and admins too.
  const onIt = team.engagement ? (await ctx.store.engagements.members(team.id)).some((m) => m.userId === caller.userId) : (await ctx.store.teams.ofPerson(caller.teamId, caller.userId))?.id === team.id;
  if (!onIt) {
    const refused = await check(ctx, await standingOf(ctx), 'manageMembers', team);
    if (refused) return refused;
  }
  if (r.kind === 'decisions') {
    const recent = await ctx.store.engagements.recentDecisions(team.id, 10);
    if (recent.length === 0) return textMessage(c.decisionsListNone({ where }));
    const lines = recent.map((d) => c.decisionLine({ day: formatDay(dayInZone(d.decidedAt, team!.settings.timezone), caller.locale), text: d.text }));
    return textMessage([c.decisionsListTitle({ where }), ...lines].join('\n'));
  }
  const saved = await ctx.store.engagements.decide(team.id, r.text, caller.userId, ctx.clock(), ctx.requestKey);
  return textMessage(c.decisionSaved({ where, text: saved.text }));
}

/**
 * `/kpi client …`. `run` runs another command on the engagement (`/kpi client acme target …` is
 * `/kpi target …` on Acme's total), passed in so this module does not import the dispatcher.
 */
export async function handleClient(ctx: CommandContext, r: ClientRequest, run: (ctx: CommandContext, text: string) => Promise<Message | null>): Promise<Message | null> {
  if (r.kind === 'clientList') return listClients(ctx);
  if (r.kind === 'clientAdd') return addClient(ctx, r);
  if (r.kind === 'decision' || r.kind === 'decisions') return handleDecision(ctx, r);
  if (r.kind === 'definitions') return showDefinitions(ctx, r.client);
  const found = await engagementNamed(ctx, r.client);
  if ('refused' in found) return found.refused;
  const { team } = found;
  switch (r.kind) {
    case 'clientShow':
      return showClient(ctx, team);
    case 'clientJoin':
      return joinClient(ctx, team, r.userIds, r.asDefault);
    case 'clientLeave':
      return leaveClient(ctx, team, r.userIds);
    case 'clientDefault': {
      const c = messages(ctx.caller.locale).clients;
      const set = await ctx.store.engagements.setDefault(ctx.caller.teamId, ctx.caller.userId, team.id);
      return textMessage(set ? c.defaultSet({ client: team.engagement!.client }) : c.defaultNotMember({ client: team.engagement!.client }));
    }
    case 'clientReport':
      return clientReport(ctx, team, r.cadence);
    case 'clientDo': {
      const word = r.text.split(/\s+/u)[0] ?? '';
      if (!CLIENT_COMMANDS.has(word.toLowerCase())) return textMessage(messages(ctx.caller.locale).clients.notForClient({ word }));
      if (word.toLowerCase() === 'definitions' || word === '定義一覧') return showDefinitions(ctx, team.engagement!.client);
      if (word.toLowerCase().startsWith('decision') || word.startsWith('決定')) return run(ctx, `decision @${team.engagement!.client.replace(/\s+/gu, '')} ${r.text.replace(/^\S+\s*/u, '')}`);
      return run({ ...ctx, team }, r.text);
    }
  }
}
