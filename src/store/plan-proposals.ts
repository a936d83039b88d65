import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';
import { replaceTree, type TreeNodeRow } from './kpi-tree.js';
import { ensurePerson } from './people.js';
import { insertTargets } from './targets.js';
import type { Day } from '../domain/days.js';
import type { PeriodKind } from '../domain/periods.js';

/** A team target a reverse plan sets on the team's total. */
export interface ProposedTarget {
  readonly metric: string;
  readonly value: number;
}

/** A reverse plan shown with an "apply" button: what it sets, for which team and period, and whether it was applied. */
export interface PlanProposal {
  readonly id: string;
  readonly workspace: string;
  readonly kpiTeam: number;
  readonly period: PeriodKind;
  readonly periodStart: Day;
  readonly periodEnd: Day;
  readonly targets: readonly ProposedTarget[];
  readonly tree: readonly TreeNodeRow[];
  readonly proposedBy: string;
  readonly proposedAt: Date;
  readonly applied: { readonly by: string; readonly at: Date; readonly from: Day } | null;
}

interface Row {
  id: string;
  team_id: string;
  kpi_team: number;
  period: PeriodKind;
  period_start: Day;
  period_end: Day;
  targets: string;
  tree: string;
  proposed_by: string;
  proposed_at: string;
  applied_by: string | null;
  applied_at: string | null;
  applied_from: Day | null;
}

const toProposal = (r: Row): PlanProposal => ({
  id: r.id,
  workspace: r.team_id,
  kpiTeam: r.kpi_team,
  period: r.period,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  targets: JSON.parse(r.targets) as ProposedTarget[],
  tree: JSON.parse(r.tree) as TreeNodeRow[],
  proposedBy: r.proposed_by,
  proposedAt: new Date(r.proposed_at),
  applied: r.applied_at && r.applied_by && r.applied_from ? { by: r.applied_by, at: new Date(r.applied_at), from: r.applied_from } : null,
});

/** What a click on "apply" did: applied now, or found applied before (nothing changed). */
export type ApplyOutcome = { readonly kind: 'applied'; readonly proposal: PlanProposal } | { readonly kind: 'already'; readonly proposal: PlanProposal } | { readonly kind: 'missing' };

/**
 * Reverse plans waiting for a manager's confirmation (`/kpi plan … apply`). A proposal is applied at
 * most once: its targets and its tree are written in one transaction with the mark that it was.
 */
export class PlanProposals {
  constructor(private readonly db: Db) {}

  /**
   * Keeps a plan to apply and returns it; a request Slack sends twice (`requestKey`) returns the
   * proposal the first one kept.
   */
  propose(input: Omit<PlanProposal, 'id' | 'applied'>, requestKey: string | null): Promise<PlanProposal> {
    return this.db.write(async (tx) => {
      await ensurePerson(tx, input.workspace, input.proposedBy, input.proposedAt);
      // The button carries this ID: unguessable, so a forged click names no one else's plan by counting.
      const id = randomBytes(12).toString('hex');
      // The request's unique key lets one in, also when another instance kept it a moment ago; a
      // request seen before gets the proposal it kept.
      const { changes } = await tx.run(
        `INSERT INTO plan_proposals (id, team_id, kpi_team, period, period_start, period_end, targets, tree, proposed_by, proposed_at, request_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [
          id,
          input.workspace,
          input.kpiTeam,
          input.period,
          input.periodStart,
          input.periodEnd,
          JSON.stringify(input.targets),
          JSON.stringify(input.tree),
          input.proposedBy,
          input.proposedAt.toISOString(),
          requestKey,
        ],
      );
      if (changes === 0) return toProposal((await tx.get<Row>('SELECT * FROM plan_proposals WHERE team_id = ? AND request_key = ?', [input.workspace, requestKey]))!);
      return toProposal((await tx.get<Row>('SELECT * FROM plan_proposals WHERE id = ?', [id]))!);
    });
  }

  /** A proposal of a workspace by its ID; null for an ID it does not hold. */
  async get(workspace: string, id: string): Promise<PlanProposal | null> {
    const row = await this.db.read.get<Row>('SELECT * FROM plan_proposals WHERE team_id = ? AND id = ?', [workspace, id]);
    return row ? toProposal(row) : null;
  }

  /**
   * Applies a proposal once: its targets on the team's total from `from`, and its tree in place of
   * the team's, with the mark that it was applied, all in one transaction. A proposal applied
   * before is returned as it was and changes nothing.
   */
  apply(workspace: string, id: string, by: string, at: Date, from: Day): Promise<ApplyOutcome> {
    return this.db.write(async (tx) => {
      const row = await tx.get<Row>('SELECT * FROM plan_proposals WHERE team_id = ? AND id = ?', [workspace, id]);
      if (!row) return { kind: 'missing' };
      if (row.applied_at !== null) return { kind: 'already', proposal: toProposal(row) };
      // A click another instance applied a moment ago changes no row here (PostgreSQL waits for it): applied once.
      const { changes } = await tx.run('UPDATE plan_proposals SET applied_by = ?, applied_at = ?, applied_from = ? WHERE id = ? AND applied_at IS NULL', [by, at.toISOString(), from, id]);
      if (changes === 0) return { kind: 'already', proposal: toProposal((await tx.get<Row>('SELECT * FROM plan_proposals WHERE id = ?', [id]))!) };
      const proposal = toProposal({ ...row, applied_by: by, applied_at: at.toISOString(), applied_from: from });
      const subject = String(proposal.kpiTeam);
      await insertTargets(
        tx,
        workspace,
        proposal.targets.map((t) => ({ scope: 'team' as const, subject, metric: t.metric, value: t.value, period: proposal.period, effectiveFrom: from })),
        by,
        at,
        'command',
      );
      if (proposal.tree.length > 0) await replaceTree(tx, proposal.kpiTeam, proposal.tree, by, at);
      return { kind: 'applied', proposal };
    });
  }
}
