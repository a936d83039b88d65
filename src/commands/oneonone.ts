import { mention, peopleIfAllowed, standingOf } from './authority.js';
import type { CommandContext } from './context.js';
import { dayInZone, type Day } from '../domain/days.js';
import { firstWeekdayFrom, prepTime } from '../domain/oneonone.js';
import { formatClock } from '../domain/team-settings.js';
import { formatList, formatNumber, messages } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { prepareOneOnOne } from '../reports/oneonone-load.js';
import { textMessage } from '../reports/receipts.js';
import { weekdayName } from '../reports/team.js';
import { CHECK_IN_MAX_LENGTH, PLAN_MAX_LENGTH } from '../reports/views/oneonone-modals.js';
import type { PrepRecipients, Team } from '../store/index.js';

export type OneOnOneRequest =
  | { readonly kind: 'oneonone'; readonly userId: string }
  | { readonly kind: 'oneononeList' }
  | { readonly kind: 'oneononeSchedule'; readonly userId: string; readonly weekday: number; readonly minutes: number; readonly everyWeeks: 1 | 2 }
  | { readonly kind: 'oneononeUnschedule'; readonly userId: string }
  | { readonly kind: 'oneononePlan'; readonly userId: string; readonly text: string };

/** A text's length as people count it: characters, not UTF-16 units. */
const characters = (text: string): number => [...text].length;

/** The caller may prepare a 1on1 with this rep (their manager, or an admin): the rep's team, or a refusal. */
async function mayPrepare(ctx: CommandContext, rep: string): Promise<{ team: Team | null } | { refused: Message }> {
  const allowed = await peopleIfAllowed(ctx, await standingOf(ctx), 'prepare1on1', [rep]);
  return 'refused' in allowed ? allowed : { team: allowed.people[0]!.team };
}

/** "Fri 15:00" in the reader's words. */
function whenText(ctx: CommandContext, weekday: number, minutes: number): string {
  return messages(ctx.caller.locale).oneonone.weekdayTime({ weekday: weekdayName(weekday, ctx.caller.locale), time: formatClock(minutes) });
}

/** `/kpi 1on1 @rep`: the prep, now, by DM to the one who asked. */
async function prepNow(ctx: CommandContext, rep: string): Promise<Message> {
  const t = messages(ctx.caller.locale).oneonone;
  const allowed = await mayPrepare(ctx, rep);
  if ('refused' in allowed) return allowed.refused;
  const today = dayInZone(ctx.clock(), ctx.caller.zone);
  const prep = await prepareOneOnOne(ctx.store, allowed.team, { workspace: ctx.caller.teamId, rep, meetingDay: today, meetingMinutes: null }, ctx.caller.locale);
  const sent = await ctx.sender.send({ userId: ctx.caller.userId }, prep, undefined, ctx.caller.teamId);
  if (!sent.ok) return textMessage(messages(ctx.caller.locale).internalError);
  return textMessage(t.sentByDm({ rep: mention(rep) }));
}

/**
 * Who gets a scheduled prep: the caller when they manage the rep's team (or the rep has no team and
 * an admin schedules it); for an admin outside the team, every manager of it, said so; none when the
 * team has no manager yet.
 */
async function prepRecipients(ctx: CommandContext, team: Team | null): Promise<{ recipients: PrepRecipients; managers: string[] } | null> {
  const standing = await standingOf(ctx);
  if (!team || (standing.actor.role === 'manager' && standing.team?.id === team.id)) return { recipients: 'manager', managers: [ctx.caller.userId] };
  const managers = (await ctx.store.teams.members(team.id)).filter((m) => m.role === 'manager' && m.isActive).map((m) => m.userId);
  return managers.length ? { recipients: 'team', managers } : null;
}

async function schedule(ctx: CommandContext, r: Extract<OneOnOneRequest, { kind: 'oneononeSchedule' }>): Promise<Message> {
  const t = messages(ctx.caller.locale).oneonone;
  const allowed = await mayPrepare(ctx, r.userId);
  if ('refused' in allowed) return allowed.refused;
  const to = await prepRecipients(ctx, allowed.team);
  if (!to) return textMessage(messages(ctx.caller.locale).people.noManagerForPrep({ team: allowed.team?.name ?? '' }));
  const today: Day = dayInZone(ctx.clock(), ctx.caller.zone);
  await ctx.store.oneonones.schedule(
    {
      workspace: ctx.caller.teamId,
      rep: r.userId,
      manager: ctx.caller.userId,
      weekday: r.weekday,
      minutes: r.minutes,
      everyWeeks: r.everyWeeks,
      anchor: firstWeekdayFrom(r.weekday, today),
      recipients: to.recipients,
    },
    ctx.caller.userId,
    ctx.clock(),
  );
  const settings = allowed.team?.settings;
  const prep = prepTime(r.minutes, settings?.oneOnOneLeadHours ?? null, settings?.dailyTime ?? null);
  const prepText = t.prepAt({ time: formatClock(prep.minutes), daysBefore: prep.daysBefore });
  const reply = t.scheduled({ rep: mention(r.userId), when: whenText(ctx, r.weekday, r.minutes), every: r.everyWeeks, prep: prepText });
  if (to.recipients === 'manager') return textMessage(reply);
  return textMessage(reply, messages(ctx.caller.locale).people.scheduledToManagers({ team: allowed.team!.name, managers: formatList(to.managers.map(mention), ctx.caller.locale) }));
}

async function list(ctx: CommandContext): Promise<Message> {
  const t = messages(ctx.caller.locale).oneonone;
  const all = await ctx.store.oneonones.all(ctx.caller.teamId);
  const standing = await standingOf(ctx);
  const teamOf = new Map(await Promise.all(all.map(async (s) => [s.rep, await ctx.store.teams.ofPerson(ctx.caller.teamId, s.rep)] as const)));
  // A manager sees the 1on1s they scheduled, and those whose preps go to every manager of their team.
  const managesTeamOf = (rep: string) => standing.actor.role === 'manager' && standing.team !== null && teamOf.get(rep)?.id === standing.team.id;
  const mine = ctx.caller.isAdmin ? all : all.filter((s) => s.manager === ctx.caller.userId || (s.recipients === 'team' && managesTeamOf(s.rep)));
  if (mine.length === 0) return textMessage(t.listNone);
  const withWhom = (s: (typeof all)[number]) => {
    const team = teamOf.get(s.rep);
    return s.recipients === 'team' && team ? messages(ctx.caller.locale).people.listToManagers({ team: team.name }) : mention(s.manager);
  };
  const lines = mine.map((s) => t.listLine({ rep: mention(s.rep), when: whenText(ctx, s.weekday, s.minutes), every: s.everyWeeks, manager: withWhom(s) }));
  return textMessage(`*${t.listTitle}*\n${lines.join('\n')}`);
}

/** Every `/kpi 1on1 …` request. */
export async function handleOneOnOne(ctx: CommandContext, r: OneOnOneRequest): Promise<Message> {
  const t = messages(ctx.caller.locale).oneonone;
  switch (r.kind) {
    case 'oneonone':
      return prepNow(ctx, r.userId);
    case 'oneononeList':
      return list(ctx);
    case 'oneononeSchedule':
      return schedule(ctx, r);
    case 'oneononeUnschedule': {
      const allowed = await mayPrepare(ctx, r.userId);
      if ('refused' in allowed) return allowed.refused;
      const removed = await ctx.store.oneonones.unschedule(ctx.caller.teamId, r.userId);
      return textMessage(removed ? t.unscheduled({ rep: mention(r.userId) }) : t.notScheduled({ rep: mention(r.userId) }));
    }
    case 'oneononePlan':
      return (await saveActionPlan(ctx, r.userId, r.text)).message;
  }
}

/**
 * Whether the caller may open or save the plan of a rep named by a button or a form (not typed):
 * the rep must be a person of the caller's own workspace, and one the caller may prepare a 1on1 for.
 */
export async function planAccess(ctx: CommandContext, rep: string): Promise<{ team: Team | null } | { refused: Message }> {
  if (!(await ctx.store.people.get(ctx.caller.teamId, rep))) return { refused: textMessage(messages(ctx.caller.locale).oneonone.planNobody({ rep: mention(rep) })) };
  return mayPrepare(ctx, rep);
}

/**
 * Saves the plan agreed with a rep (from the command or the prep's button), for the next prep to
 * show. A request sent twice (the same `ctx.requestKey`) saves one plan; a plan over
 * `PLAN_MAX_LENGTH` is refused with the bound, not cut short.
 */
export async function saveActionPlan(ctx: CommandContext, rep: string, text: string): Promise<{ saved: boolean; message: Message }> {
  const t = messages(ctx.caller.locale).oneonone;
  const allowed = await mayPrepare(ctx, rep);
  if ('refused' in allowed) return { saved: false, message: allowed.refused };
  const plan = text.trim();
  if (!plan) return { saved: false, message: textMessage(t.planEmpty) };
  if (characters(plan) > PLAN_MAX_LENGTH) {
    return { saved: false, message: textMessage(t.planTooLong({ max: formatNumber(PLAN_MAX_LENGTH, ctx.caller.locale), length: formatNumber(characters(plan), ctx.caller.locale) })) };
  }
  await ctx.store.oneonones.savePlan(ctx.caller.teamId, rep, plan, ctx.caller.userId, ctx.clock(), dayInZone(ctx.clock(), ctx.caller.zone), ctx.requestKey);
  return { saved: true, message: textMessage(t.planSaved({ rep: mention(rep) })) };
}

/** Whether the caller has a check-in to answer: their own, before a 1on1 scheduled for them. */
export async function checkInAccess(ctx: CommandContext): Promise<{ ok: true } | { refused: Message }> {
  const schedule = await ctx.store.oneonones.of(ctx.caller.teamId, ctx.caller.userId);
  return schedule ? { ok: true } : { refused: textMessage(messages(ctx.caller.locale).oneonone.noCheckIn) };
}

export type CheckInOutcome = { readonly ok: true } | { readonly ok: false; readonly errors: Record<string, string> } | { readonly ok: false; readonly refused: Message };

/** The rep's check-in answers, each at most `CHECK_IN_MAX_LENGTH`, saved for their manager's prep. */
export async function saveCheckIn(ctx: CommandContext, meetingDay: Day, answers: { readonly wentWell: string; readonly wantHelp: string }): Promise<CheckInOutcome> {
  const access = await checkInAccess(ctx);
  if ('refused' in access) return { ok: false, refused: access.refused };
  const t = messages(ctx.caller.locale).oneonone;
  const errors: Record<string, string> = {};
  for (const [block, answer] of Object.entries(answers)) {
    if (characters(answer) > CHECK_IN_MAX_LENGTH) {
      errors[block] = t.answerTooLong({ max: formatNumber(CHECK_IN_MAX_LENGTH, ctx.caller.locale), length: formatNumber(characters(answer), ctx.caller.locale) });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await ctx.store.oneonones.saveCheckIn(ctx.caller.teamId, ctx.caller.userId, meetingDay, { wentWell: answers.wentWell || null, wantHelp: answers.wantHelp || null }, ctx.clock());
  return { ok: true };
}
