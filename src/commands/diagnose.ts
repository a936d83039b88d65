import { check, mention, standingOf, workingTeam } from './authority.js';
import type { CommandContext } from './context.js';
import { fail, ok, type Result } from './problems.js';
import { userMention } from './tokens.js';
import { dayInZone } from '../domain/days.js';
import { messages } from '../i18n/index.js';
import type { Message } from '../reports/blocks.js';
import { loadDiagnosis, type DiagnosisSubject } from '../reports/diagnosis.js';
import { renderDiagnosis } from '../reports/diagnosis-render.js';
import { textMessage } from '../reports/receipts.js';

/** `/kpi diagnose [@person|team|me]`: whose KPIs; without a word, a manager's team, anyone else's own; `me` one's own, a manager's too. */
export type DiagnoseRequest = { readonly kind: 'diagnose'; readonly of: { readonly kind: 'default' } | { readonly kind: 'team' } | { readonly kind: 'self' } | { readonly kind: 'person'; readonly userId: string } };

const TEAM_WORDS = new Set(['team', 'チーム', 'チーム全体']);
const SELF_WORDS = new Set(['me', 'myself', '自分', 'わたし', '私']);

/** Reads the words after `diagnose`. */
export function parseDiagnose(words: readonly string[]): Result<DiagnoseRequest> {
  const word = words[0];
  if (word === undefined) return ok({ kind: 'diagnose', of: { kind: 'default' } });
  if (words.length > 1) return fail({ code: 'unknownWord', command: 'diagnose', word: words[1]! });
  const folded = word.normalize('NFKC').toLowerCase();
  if (TEAM_WORDS.has(folded)) return ok({ kind: 'diagnose', of: { kind: 'team' } });
  if (SELF_WORDS.has(folded)) return ok({ kind: 'diagnose', of: { kind: 'self' } });
  const userId = userMention(word);
  return userId ? ok({ kind: 'diagnose', of: { kind: 'person', userId } }) : fail({ code: 'unknownWord', command: 'diagnose', word });
}

/**
 * `/kpi diagnose`: seed 003's three causes for the KPIs under pace, only to the caller. A rep may
 * diagnose themselves; a team's managers the team and its members; admins anyone.
 */
export async function handleDiagnose(ctx: CommandContext, r: DiagnoseRequest): Promise<Message> {
  const { caller, store } = ctx;
  const t = messages(caller.locale);
  const standing = await standingOf(ctx);
  let subject: DiagnosisSubject;
  let name: string;
  const managesTeam = standing.team !== null && standing.person?.role === 'manager';
  if (r.of.kind === 'team' || (r.of.kind === 'default' && managesTeam)) {
    const team = await workingTeam(ctx, standing);
    if (!team) return textMessage(t.noTeam);
    const refused = await check(ctx, standing, 'viewOthers', team, team.name);
    if (refused) return refused;
    subject = { kind: 'team', team };
    name = team.name;
  } else {
    const userId = r.of.kind === 'person' ? r.of.userId : caller.userId;
    // The caller's own team is the one their standing already holds.
    const team = userId === caller.userId ? standing.team : await store.teams.ofPerson(caller.teamId, userId);
    if (userId !== caller.userId) {
      const refused = await check(ctx, standing, 'viewOthers', team, mention(userId));
      if (refused) return refused;
    }
    subject = { kind: 'person', userId, team };
    name = userId === caller.userId ? t.you : mention(userId);
  }
  const zone = subject.team?.settings.timezone ?? caller.zone;
  const model = await loadDiagnosis(store, caller.teamId, subject, dayInZone(ctx.clock(), zone));
  return renderDiagnosis(model, name, caller.locale);
}
