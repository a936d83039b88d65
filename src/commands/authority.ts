import type { CommandContext } from './context.js';
import { authorize, type Action, type Actor } from '../domain/permissions.js';
import { formatList, messages, type Locale } from '../i18n/index.js';
import { textMessage } from '../reports/receipts.js';
import type { Message } from '../reports/blocks.js';
import type { Person, Team } from '../store/index.js';

export const mention = (userId: string): string => `<@${userId}>`;

/** People as a reader's list of mentions: `<@U1>, <@U2> and <@U3>`. */
export const mentionList = (ids: readonly string[], locale: Locale): string => formatList(ids.map(mention), locale);

/** The caller as the permission rules see them, with their person record and team. */
export interface Standing {
  readonly actor: Actor;
  readonly person: Person | null;
  readonly team: Team | null;
}

export async function standingOf(ctx: CommandContext): Promise<Standing> {
  const { store, caller } = ctx;
  const person = await store.people.get(caller.teamId, caller.userId);
  const team = person?.kpiTeamId ? await store.teams.byId(person.kpiTeamId) : null;
  return { actor: { isAdmin: caller.isAdmin, teamId: team?.id ?? null, role: person?.role ?? 'rep' }, person, team };
}

/**
 * The team a management command works on: for an admin, the team whose channel this is (else their
 * own); for everyone else, their own team.
 */
export async function workingTeam(ctx: CommandContext, standing: Standing): Promise<Team | null> {
  if (ctx.team) return ctx.team;
  if (ctx.caller.isAdmin && ctx.caller.channelId) {
    const here = await ctx.store.teams.byChannel(ctx.caller.teamId, ctx.caller.channelId);
    // A client's channel is not a team's: its engagement is worked on by name (`/kpi client acme …`).
    if (here && !here.engagement) return here;
  }
  return standing.team;
}

/**
 * The people an action concerns, each with their team, when the caller may do it to every one of
 * them; otherwise the refusal for the first one they may not.
 */
export async function peopleIfAllowed(
  ctx: CommandContext,
  standing: Standing,
  action: Action,
  userIds: readonly string[],
): Promise<{ people: { userId: string; team: Team | null }[] } | { refused: Message }> {
  const people: { userId: string; team: Team | null }[] = [];
  for (const userId of userIds) {
    const team = await ctx.store.teams.ofPerson(ctx.caller.teamId, userId);
    const refused = await check(ctx, standing, action, team, mention(userId));
    if (refused) return { refused };
    people.push({ userId, team });
  }
  return { people };
}

/** A refusal that says who can do it instead (the domain's `who`): the team's managers by name, and the admins. */
async function refusal(ctx: CommandContext, action: Action, who: 'admins' | 'teamManagers', team: Team | null, person?: string): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const admins = formatList([...ctx.defaults.admins.map(mention), t.slackAdmins], ctx.caller.locale);
  let whoText: string;
  if (who === 'teamManagers' && team) {
    const managers = (await ctx.store.teams.members(team.id)).filter((m) => m.role === 'manager').map((m) => mention(m.userId));
    whoText = t.whoTeamManagers({ team: team.name, managers: formatList(managers, ctx.caller.locale), admins });
  } else {
    whoText = t.whoAdmins({ admins });
  }
  const a = t.actions;
  const label =
    action === 'viewOthers'
      ? a.viewOthers({ person: person ?? '' })
      : action === 'prepare1on1'
        ? a.prepare1on1({ person: person ?? '' })
        : action === 'log' || action === 'viewOwn'
          ? ''
          : a[action];
  return textMessage(t.refusal({ action: label, who: whoText }));
}

/** Checks a permission; null when allowed, else the refusal to show. */
export async function check(ctx: CommandContext, standing: Standing, action: Action, team: Team | null, person?: string): Promise<Message | null> {
  // A client engagement is run by the managers of the agency team it belongs to.
  const runBy = team?.engagement ? (team.engagement.parentTeam === null ? null : await ctx.store.teams.byId(team.engagement.parentTeam)) : team;
  const decision = authorize(standing.actor, action, runBy?.id ?? null);
  return decision.allowed ? null : refusal(ctx, action, decision.who, runBy, person);
}

/**
 * The team a management command works on, when the caller may do `action` to it; otherwise the
 * message to show (no team yet, or a refusal naming who can).
 */
export async function managedTeam(ctx: CommandContext, action: Action): Promise<{ team: Team; standing: Standing } | { refused: Message }> {
  const standing = await standingOf(ctx);
  const team = await workingTeam(ctx, standing);
  if (!team) return { refused: textMessage(messages(ctx.caller.locale).noTeam) };
  const refused = await check(ctx, standing, action, team);
  return refused ? { refused } : { team, standing };
}
