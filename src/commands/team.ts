import { check, managedTeam, mention, mentionList, standingOf, workingTeam } from './authority.js';
import type { CommandContext } from './context.js';
import { defaultTeamSettings } from '../domain/team-settings.js';
import { messages } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { renderTeam } from '../reports/team.js';

/** `/kpi team`: the caller's team (or, for an admin, the team of this channel). */
export async function showTeam(ctx: CommandContext): Promise<Message> {
  const standing = await standingOf(ctx);
  const team = await workingTeam(ctx, standing);
  if (!team) return textMessage(messages(ctx.caller.locale).noTeam);
  return renderTeam(team, await ctx.store.teams.members(team.id), ctx.caller.locale, await ctx.store.metrics.catalog(ctx.caller.teamId));
}

/**
 * `/kpi team create <name> [#channel] [as manager]`: admins only. The creator joins as its manager
 * only when they say so (leaving another team, since a person belongs to one); otherwise they are
 * no member and get none of its messages.
 */
export async function createTeam(ctx: CommandContext, name: string, channelId: string | null, asManager: boolean): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const standing = await standingOf(ctx);
  const refused = await check(ctx, standing, 'createTeam', null);
  if (refused) return refused;
  // A DM is no place for a team's digests.
  const here = ctx.caller.channelId && /^[CG]/u.test(ctx.caller.channelId) ? ctx.caller.channelId : null;
  const channel = channelId ?? here;
  const team = await ctx.store.teams.create({
    workspace: ctx.caller.teamId,
    name,
    channelId: channel,
    settings: defaultTeamSettings(ctx.defaults.timezone, ctx.defaults.locale),
    createdBy: ctx.caller.userId,
    at: ctx.clock(),
    creatorJoinsAsManager: asManager,
  });
  if (!team) return textMessage(t.teamNameTaken({ team: name }));
  const created = t.teamCreated({ team: team.name, channel: channel ? `<#${channel}>` : t.teamNoChannel, youManage: asManager });
  const moved = asManager && standing.team ? [t.membersMoved({ person: mention(ctx.caller.userId), from: standing.team.name })] : [];
  return textMessage([created, ...moved].join('\n'));
}

/** `/kpi team add @person… [as manager]`. */
export async function addMembers(ctx: CommandContext, userIds: readonly string[], asManager: boolean): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const found = await managedTeam(ctx, 'manageMembers');
  if ('refused' in found) return found.refused;
  const { team } = found;
  const change = await ctx.store.teams.addMembers(team, userIds, asManager ? 'manager' : 'rep', ctx.clock());
  const lines: string[] = [];
  const newcomers = [...change.added, ...change.moved.map((m) => m.userId)];
  if (newcomers.length) lines.push(t.membersAdded({ people: mentionList(newcomers, ctx.caller.locale), team: team.name, asManager }));
  for (const m of change.moved) lines.push(t.membersMoved({ person: mention(m.userId), from: m.from }));
  if (change.unchanged.length) lines.push(t.membersUnchanged({ people: mentionList(change.unchanged, ctx.caller.locale) }));
  return textMessage(lines.join('\n'));
}

/** `/kpi team remove @person…`. */
export async function removeMembers(ctx: CommandContext, userIds: readonly string[]): Promise<Message> {
  const t = messages(ctx.caller.locale);
  const found = await managedTeam(ctx, 'manageMembers');
  if ('refused' in found) return found.refused;
  const { team } = found;
  const removed = await ctx.store.teams.removeMembers(team, userIds);
  const absent = userIds.filter((u) => !removed.includes(u));
  const lines: string[] = [];
  if (removed.length) lines.push(t.membersRemoved({ people: mentionList(removed, ctx.caller.locale), team: team.name }));
  if (absent.length) lines.push(t.membersNotThere({ people: mentionList(absent, ctx.caller.locale), team: team.name }));
  return textMessage(lines.join('\n'));
}
