import type { CommandContext } from './context.js';
import { explainProblem } from './explain.js';
import { renderHelp, renderRatesHelp } from './help.js';
import { addMetric, defineMetric, editMetric, openMetricForm, renderMetricList, retireMetric } from './metrics.js';
import { handleClient } from './clients.js';
import { DEFAULT_FUNNEL } from '../domain/funnel.js';
import { handleEdit } from './edit.js';
import { handleExport } from './export.js';
import { handlePeople } from './days-off.js';
import { handleLog } from './log.js';
import { handleOneOnOne } from './oneonone.js';
import { commandWord, parseCommand } from './parse.js';
import { handleDiagnose } from './diagnose.js';
import { handlePlan } from './plan.js';
import { proposePlan } from './plan-apply.js';
import { changeSetting, openSettingsForm } from './settings.js';
import { handleOverview, handleStatus } from './status.js';
import { applyTemplate, listTargets, openTargetForm, setTarget } from './targets.js';
import { addMembers, createTeam, removeMembers, showTeam } from './team.js';
import { clearTree, setTreeNode, showExampleTree, showTree } from './tree.js';
import { handleUndo } from './undo.js';
import type { Message } from '../reports/blocks.js';
import { textMessage } from '../reports/receipts.js';
import { messages } from '../i18n/index.js';

/**
 * Everything `/kpi` can do: parse the text, run the command, answer with a message in the caller's
 * language (null when the answer is a form that was opened). Problems a person can cause come back
 * as messages; only outages throw.
 */
export async function handleKpi(ctx: CommandContext, text: string): Promise<Message | null> {
  const catalog = await ctx.store.metrics.catalog(ctx.caller.teamId);
  const parsed = parseCommand(text, catalog);
  if (!parsed.ok) return explainProblem(parsed.problem, ctx.caller.locale, commandWord(text.trim().split(/\s+/u)[0] ?? '') === 'edit' ? 'edit' : undefined);
  const r = parsed.value;
  switch (r.kind) {
    case 'log':
      return handleLog(ctx, r, text);
    case 'undo':
      return handleUndo(ctx);
    case 'edit':
      return handleEdit(ctx, r);
    case 'help':
      if (r.topic === 'rates') {
        const team = await ctx.store.teams.ofPerson(ctx.caller.teamId, ctx.caller.userId);
        return renderRatesHelp(ctx.caller.locale, catalog, team?.settings.funnel ?? DEFAULT_FUNNEL);
      }
      return renderHelp(ctx.caller.locale, r.topic, catalog, r.unknownTopic ?? undefined);
    case 'overview':
      return handleOverview(ctx);
    case 'status':
      return handleStatus(ctx, r.userId, r.period);
    case 'target':
      return setTarget(ctx, r);
    case 'targetModal':
      return openTargetForm(ctx);
    case 'targets':
      return listTargets(ctx, r.userId);
    case 'template':
      return applyTemplate(ctx, r.role, r.userIds, r.withSecondary);
    case 'teamShow':
      return showTeam(ctx);
    case 'teamCreate':
      return createTeam(ctx, r.name, r.channelId, r.asManager);
    case 'teamAdd':
      return addMembers(ctx, r.userIds, r.asManager);
    case 'teamRemove':
      return removeMembers(ctx, r.userIds);
    case 'settingsModal':
      return openSettingsForm(ctx);
    case 'settingsSet':
      return changeSetting(ctx, r.key, r.words);
    case 'tree':
      return showTree(ctx);
    case 'treeSet':
      return setTreeNode(ctx, r);
    case 'treeClear':
      return clearTree(ctx);
    case 'treeExample':
      return showExampleTree(ctx, r.use);
    case 'metricList':
      return renderMetricList(catalog, ctx.caller.locale);
    case 'metricForm':
      return openMetricForm(ctx);
    case 'metricAdd':
      return addMetric(ctx, r.draft);
    case 'metricEdit':
      return editMetric(ctx, r.draft);
    case 'metricRetire':
      return retireMetric(ctx, r.name, r.retire);
    case 'metricDefine':
      return defineMetric(ctx, r.name, r.text);
    case 'clientList':
    case 'clientAdd':
    case 'clientShow':
    case 'clientJoin':
    case 'clientLeave':
    case 'clientDefault':
    case 'clientReport':
    case 'clientDo':
    case 'decision':
    case 'decisions':
    case 'definitions':
      return handleClient(ctx, r, handleKpi);
    case 'plan':
      return r.apply ? proposePlan(ctx, r) : handlePlan(ctx, r);
    case 'diagnose':
      return handleDiagnose(ctx, r);
    case 'oneonone':
    case 'oneononeList':
    case 'oneononeSchedule':
    case 'oneononeUnschedule':
    case 'oneononePlan':
      return handleOneOnOne(ctx, r);
    case 'export':
      return handleExport(ctx, r.month);
    case 'daysOff':
    case 'reminder':
      return handlePeople(ctx, r);
    case 'morningDm': {
      await ctx.store.people.setMorningDm(ctx.caller.teamId, ctx.caller.userId, r.on, ctx.clock());
      return textMessage(messages(ctx.caller.locale).morningDmSet({ on: r.on }));
    }
  }
}
