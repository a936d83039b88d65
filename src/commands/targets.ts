import { check, mention, peopleIfAllowed, standingOf, workingTeam, type Standing } from './authority.js';
import type { CommandContext } from './context.js';
import { targetValue, type TargetSubject } from './parse-manage.js';
import { dayInZone, type Day } from '../domain/days.js';
import type { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';
import { parsePeriodWord, type PeriodKind } from '../domain/periods.js';
import { ROLE_TEMPLATES, templateItems, templateTargets, type Role as SalesRole } from '../domain/templates.js';
import { formatDay, formatList, messages, type Locale } from '../i18n/index.js';
import { formatTarget, metricHeading, metricLabel } from '../reports/amounts.js';
import { context, header, section, type KnownBlock, type Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { loadRecentPace } from '../reports/status.js';
import { choiceOf, textOf, usersOf, type FormValues } from '../reports/views/form.js';
import { targetModal } from '../reports/views/target-modal.js';
import type { Target, TargetChange, Team } from '../store/index.js';

/** More KPIs than this and the seeds' advice (3–5, ideally 1–3) is given. */
const FOCUS_LIMIT = 5;

/** The focus and SMART notes for one person after their targets changed. */
async function nudges(ctx: CommandContext, userId: string, team: Team | null, changed: readonly TargetChange[], today: Day, catalog: MetricCatalog): Promise<string[]> {
  const t = messages(ctx.caller.locale);
  const locale = ctx.caller.locale;
  const notes: string[] = [];
  // Only a new more-is-better target is held against the recent pace; the pace is read only for one.
  const paced = changed.flatMap((c) => {
    const def = catalog.get(c.metric);
    return c.value !== null && def && def.better !== 'lower' && def.kind !== 'snapshot' ? [{ ...c, value: c.value, def }] : [];
  });
  const [inForce, paceOf] = await Promise.all([
    ctx.store.targets.of(ctx.caller.teamId, 'person', userId, today),
    paced.length ? loadRecentPace(ctx.store, ctx.caller.teamId, userId, today, team) : null,
  ]);
  if (inForce.length > FOCUS_LIMIT) notes.push(t.focusNudge({ person: mention(userId), count: inForce.length }));
  for (const c of paced) {
    const pace = paceOf!(c.def, c.period);
    if (pace === null || pace <= 0) continue;
    const target = formatTarget(c.def, c.value, c.period, locale);
    const paceText = formatTarget(c.def, c.def.kind === 'rate' ? pace : Math.round(pace), c.period, locale);
    if (c.value > 2 * pace) notes.push(t.stretchNudge({ person: mention(userId), target, pace: paceText }));
    else if (c.value < pace / 2) notes.push(t.easyNudge({ person: mention(userId), target, pace: paceText }));
  }
  return notes;
}

/** The business day a change takes effect: today in the team's zone (the caller's when no team). */
function effectiveDay(ctx: CommandContext, team: Team | null): Day {
  return dayInZone(ctx.clock(), team?.settings.timezone ?? ctx.caller.zone);
}

/** The people a subject names, each with their team; or a refusal. */
async function resolveSubject(
  ctx: CommandContext,
  standing: Standing,
  subject: TargetSubject,
): Promise<{ kind: 'people'; people: { userId: string; team: Team | null }[]; team: Team | null } | { kind: 'team'; team: Team } | { refused: Message }> {
  const t = messages(ctx.caller.locale);
  if (subject.kind === 'users') {
    const allowed = await peopleIfAllowed(ctx, standing, 'setTargets', subject.userIds);
    return 'refused' in allowed ? { refused: allowed.refused } : { kind: 'people', people: allowed.people, team: null };
  }
  const team = await workingTeam(ctx, standing);
  if (!team) return { refused: textMessage(t.noTeam) };
  const refused = await check(ctx, standing, 'setTargets', team);
  if (refused) return { refused };
  // A client engagement's targets are agreed on its total: the people on it share them.
  if (subject.kind === 'team' || team.engagement) return { kind: 'team', team };
  const members = await ctx.store.teams.members(team.id);
  const reps = members.filter((m) => m.role === 'rep');
  return { kind: 'people', people: (reps.length ? reps : members).map((m) => ({ userId: m.userId, team })), team };
}

/** `/kpi target <metric> <n>/<period> [@person…|members|team]`. */
export async function setTarget(
  ctx: CommandContext,
  request: { metric: MetricDef; value: number | null; period: PeriodKind; subject: TargetSubject },
  source: 'command' | 'modal' = 'command',
): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const locale = ctx.caller.locale;
  const standing = await standingOf(ctx);
  const resolved = await resolveSubject(ctx, standing, request.subject);
  if ('refused' in resolved) return resolved.refused;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const metric = request.metric.key;
  const at = ctx.clock();
  const say = (subject: string, since: Day) =>
    request.value === null
      ? t.targetRemovedFor({ subject, metric: metricLabel(request.metric, locale), since: formatDay(since, locale) })
      : t.targetSetFor({ subject, items: formatTarget(request.metric, request.value, request.period, locale), since: formatDay(since, locale) });

  if (resolved.kind === 'team') {
    const since = effectiveDay(ctx, resolved.team);
    const change = { scope: 'team' as const, subject: String(resolved.team.id), metric, value: request.value, period: request.period, effectiveFrom: since };
    await ctx.store.targets.set(ctx.caller.teamId, [change], ctx.caller.userId, at, source);
    return textMessage(say(t.subjectTeam({ team: resolved.team.name }), since));
  }
  if (resolved.people.length === 0) return textMessage(t.teamNoMembers);
  const since = effectiveDay(ctx, resolved.team ?? resolved.people[0]!.team);
  const changes = resolved.people.map((p) => ({ scope: 'person' as const, subject: p.userId, metric, value: request.value, period: request.period, effectiveFrom: since }));
  await ctx.store.targets.set(ctx.caller.teamId, changes, ctx.caller.userId, at, source);
  const subject = resolved.team ? t.subjectMembers({ team: resolved.team.name, count: resolved.people.length }) : formatList(resolved.people.map((p) => mention(p.userId)), locale);
  const notes: string[] = [];
  for (const [i, p] of resolved.people.entries()) notes.push(...(await nudges(ctx, p.userId, p.team, [changes[i]!], since, catalog)));
  return notes.length ? { text: [say(subject, since), ...notes].join('\n'), blocks: [section(say(subject, since)), context(...notes.slice(0, 10))] } : textMessage(say(subject, since));
}

/** `/kpi target` with no arguments: the target form. */
export async function openTargetForm(ctx: CommandContext): Promise<Message | null> {
  const standing = await standingOf(ctx);
  const team = await workingTeam(ctx, standing);
  const refused = await check(ctx, standing, 'setTargets', team);
  if (refused) return refused;
  if (!ctx.triggerId) return textMessage(messages(ctx.caller.locale).help.target.usage);
  await ctx.chat.openView(ctx.triggerId, targetModal(ctx.caller.locale, await ctx.store.metrics.catalog(ctx.caller.teamId)));
  return null;
}

export function targetLines(targets: readonly Target[], locale: Locale, catalog: MetricCatalog): string[] {
  const t = messages(locale);
  return targets.flatMap((x) => {
    const def = catalog.get(x.metric);
    return def ? [t.targetsLine({ metric: metricHeading(def, locale), target: formatTarget(def, x.value, x.period, locale), since: formatDay(x.effectiveFrom, locale), by: mention(x.setBy) })] : [];
  });
}

/** `/kpi targets [@person]`: a person's targets in force, and their team's. */
export async function listTargets(ctx: CommandContext, userId: string | null): Promise<Message> {
  const { caller, store } = ctx;
  const t = messages(caller.locale);
  const subjectId = userId ?? caller.userId;
  const team = await store.teams.ofPerson(caller.teamId, subjectId);
  if (subjectId !== caller.userId) {
    const refused = await check(ctx, await standingOf(ctx), 'viewOthers', team, mention(subjectId));
    if (refused) return refused;
  }
  const today = effectiveDay(ctx, team);
  const subject = subjectId === caller.userId ? t.you : mention(subjectId);
  const own = await store.targets.of(caller.teamId, 'person', subjectId, today);
  const catalog = await store.metrics.catalog(caller.teamId);
  const teamTargets = team ? await store.targets.of(caller.teamId, 'team', String(team.id), today) : [];
  const mineOnly = subjectId === caller.userId;
  const title = t.targetsTitle({ subject, when: formatDay(today, caller.locale), own: mineOnly });
  const blocks: KnownBlock[] = [header(title)];
  const text = [title];
  const mine = own.length ? targetLines(own, caller.locale, catalog).join('\n') : t.targetsNone({ subject, own: mineOnly });
  blocks.push(section(mine));
  text.push(mine);
  if (team && teamTargets.length) {
    const part = `${t.targetsTeamTitle({ team: team.name })}\n${targetLines(teamTargets, caller.locale, catalog).join('\n')}`;
    blocks.push(section(part));
    text.push(part);
  }
  return { text: text.join('\n'), blocks };
}

/** `/kpi template <role> @person…`: the role's KPIs and example targets, for each person (and their team's total). */
export async function applyTemplate(ctx: CommandContext, role: SalesRole, userIds: readonly string[], withSecondary = false): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const locale = ctx.caller.locale;
  const standing = await standingOf(ctx);
  const allowed = await peopleIfAllowed(ctx, standing, 'applyTemplate', userIds);
  if ('refused' in allowed) return allowed.refused;
  const { people } = allowed;
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  // A template's metric the workspace retired is left out rather than brought back.
  const usable = (x: { metric: string }) => !(catalog.get(x.metric)?.retired ?? true);
  const template = templateItems(role, withSecondary).filter(usable);
  const memberPart = template.filter((x) => x.scope === 'member');
  const teamPart = template.filter((x) => x.scope === 'team');
  const at = ctx.clock();
  const personal = people.map((p) => templateTargets(role, { person: p.userId }, effectiveDay(ctx, p.team), withSecondary).filter(usable));
  const changes: TargetChange[] = personal.flat();
  const teams = [...new Map(people.filter((p) => p.team).map((p) => [p.team!.id, p.team!])).values()];
  for (const team of teams) changes.push(...templateTargets(role, { team: String(team.id) }, effectiveDay(ctx, team), withSecondary).filter(usable));
  await ctx.store.targets.set(ctx.caller.teamId, changes, ctx.caller.userId, at, 'template');
  await ctx.store.teams.setSalesRole(ctx.caller.teamId, userIds, role, at);

  const items = (list: readonly { metric: string; value: number; period: PeriodKind }[]) => list.map((x) => formatTarget(catalog.def(x.metric), x.value, x.period, locale)).join(t.itemSeparator);
  const lines = [t.templateApplied({ role: t.roleNames[role], people: formatList(userIds.map(mention), locale), items: items(memberPart) })];
  for (const team of teams) if (teamPart.length) lines.push(t.templateTeamPart({ team: team.name, items: items(teamPart) }));
  if (role === 'manager') lines.push(t.templateComputed);
  const secondary = ROLE_TEMPLATES[role].secondary.filter(usable);
  if (!withSecondary && secondary.length) lines.push(t.templateSecondary({ items: items(secondary), command: `/kpi template ${role} ${userIds.map(mention).join(' ')} all` }));
  const notes: string[] = [];
  for (const [i, p] of people.entries()) notes.push(...(await nudges(ctx, p.userId, p.team, personal[i]!, effectiveDay(ctx, p.team), catalog)));
  return notes.length ? { text: [...lines, ...notes].join('\n'), blocks: [section(lines.join('\n')), context(...notes.slice(0, 10))] } : textMessage(lines.join('\n'));
}

/** The target form's submission: checked field by field; saved like `/kpi target`, then said back by DM-less ephemeral. */
export async function submitTargetForm(
  ctx: CommandContext,
  values: FormValues,
): Promise<{ ok: true; message: Message } | { ok: false; errors: Record<string, string> }> {
  const t = messages(ctx.caller.locale);
  const errors: Record<string, string> = {};
  const metricWord = choiceOf(values, 'metric');
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const metric = metricWord ? catalog.resolve(metricWord) : null;
  if (!metric) errors.metric = t.problems.missingMetric;
  const amountWord = textOf(values, 'amount').normalize('NFKC');
  const value = metric ? targetValue(metric, amountWord) : null;
  if (metric && value === null) errors.amount = t.problems.badTargetValue({ word: amountWord });
  const period = parsePeriodWord(choiceOf(values, 'period') ?? '');
  if (!period) errors.period = t.problems.badPeriod({ word: '' });
  const who = choiceOf(values, 'who') ?? 'members';
  const users = usersOf(values, 'people');
  if (who === 'users' && users.length === 0) errors.people = t.targetForm.needPeople;
  if (Object.keys(errors).length > 0 || !metric || value === null || !period) return { ok: false, errors };
  const subject: TargetSubject = who === 'users' ? { kind: 'users', userIds: users } : who === 'team' ? { kind: 'team' } : { kind: 'members' };
  return { ok: true, message: await setTarget(ctx, { metric, value, period, subject }, 'modal') };
}
