import type { Db } from './db.js';
import type { Tx } from './sql.js';
import type { PeriodKind } from '../domain/periods.js';

export interface TreeNodeRow {
  readonly metric: string;
  readonly value: number;
  readonly period: PeriodKind;
  readonly parent: string | null;
}

const NODES = 'SELECT metric, value, period, parent_metric AS parent FROM kpi_tree_nodes WHERE kpi_team = ? ORDER BY id';

/** Replaces a team's tree with `nodes` (parents first) inside a transaction that is already open. */
export async function replaceTree(tx: Tx, kpiTeam: number, nodes: readonly TreeNodeRow[], setBy: string, at: Date): Promise<void> {
  await tx.run('DELETE FROM kpi_tree_nodes WHERE kpi_team = ?', [kpiTeam]);
  for (const n of nodes) {
    await tx.run('INSERT INTO kpi_tree_nodes (kpi_team, metric, value, period, parent_metric, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      kpiTeam,
      n.metric,
      n.value,
      n.period,
      n.parent,
      setBy,
      at.toISOString(),
    ]);
  }
}

/** A team's KGI → KPI tree as its manager defined it, node by node. */
export class KpiTrees {
  constructor(private readonly db: Db) {}

  async nodes(kpiTeam: number): Promise<TreeNodeRow[]> {
    return this.db.read.all<TreeNodeRow>(NODES, [kpiTeam]);
  }

  /**
   * Sets one node (replacing the same metric's), keeping the tree valid: `validate` sees the nodes
   * as they would be and may refuse, in which case nothing changes and its answer is returned.
   */
  setNode<P>(kpiTeam: number, node: TreeNodeRow, setBy: string, at: Date, validate: (nodes: TreeNodeRow[]) => P | null): Promise<P | null> {
    return this.db.write(async (tx) => {
      const current = await tx.all<TreeNodeRow>(NODES, [kpiTeam]);
      const next = [...current.filter((n) => n.metric !== node.metric), node];
      const problem = validate(next);
      if (problem !== null) return problem;
      await tx.run(
        `INSERT INTO kpi_tree_nodes (kpi_team, metric, value, period, parent_metric, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (kpi_team, metric) DO UPDATE SET value = excluded.value, period = excluded.period,
           parent_metric = excluded.parent_metric, set_by = excluded.set_by, set_at = excluded.set_at`,
        [kpiTeam, node.metric, node.value, node.period, node.parent, setBy, at.toISOString()],
      );
      return null;
    });
  }

  /** Replaces the whole tree with `nodes` (parents first), in one transaction: how a team adopts an example tree. */
  async replace(kpiTeam: number, nodes: readonly TreeNodeRow[], setBy: string, at: Date): Promise<void> {
    await this.db.write((tx) => replaceTree(tx, kpiTeam, nodes, setBy, at));
  }

  /** Removes the whole tree (the team goes back to the tree derived from its targets). */
  async clear(kpiTeam: number): Promise<number> {
    return this.db.write(async (tx) => (await tx.run('DELETE FROM kpi_tree_nodes WHERE kpi_team = ?', [kpiTeam])).changes);
  }
}
