import type { Dialect, Tx } from './sql.js';
import type { Db } from './db.js';
import { BUILT_IN_METRICS } from '../domain/builtin-metrics.js';
import { MetricCatalog } from '../domain/metric-catalog.js';
import type { MetricDef } from '../domain/metrics.js';

interface MetricRow {
  key: string;
  kind: MetricDef['kind'];
  unit: MetricDef['unit'];
  name_en: string;
  name_ja: string;
  singular_en: string;
  counter_ja: string;
  aliases: string;
  daily_max: number | null;
  better: MetricDef['better'];
  numerator: string | null;
  denominator: string | null;
  denominator_at: 'start' | 'end' | null;
  out_of: number | null;
  built_in: number;
  retired_at: string | null;
}

const toDef = (r: MetricRow): MetricDef => ({
  key: r.key,
  kind: r.kind,
  unit: r.unit,
  label: { en: r.name_en, ja: r.name_ja },
  singular: r.singular_en,
  counterJa: r.counter_ja,
  aliases: JSON.parse(r.aliases) as string[],
  dailyMax: r.daily_max,
  better: r.better,
  formula: r.denominator === null || r.numerator === null ? null : { numerator: JSON.parse(r.numerator) as string[], denominator: r.denominator, denominatorAt: r.denominator_at ?? 'end' },
  outOf: r.out_of,
  builtIn: r.built_in === 1,
  retired: r.retired_at !== null,
});

/** A definition as the columns of a row, in `COLUMNS` order (team, position, who and when come apart). */
function columns(d: MetricDef): (string | number | null)[] {
  return [
    d.key,
    d.kind,
    d.unit,
    d.label.en,
    d.label.ja,
    d.singular,
    d.counterJa,
    JSON.stringify(d.aliases),
    d.dailyMax,
    d.better,
    d.formula ? JSON.stringify(d.formula.numerator) : null,
    d.formula?.denominator ?? null,
    d.formula ? d.formula.denominatorAt : null,
    d.outOf,
    d.builtIn ? 1 : 0,
  ];
}

const COLUMNS = 'key, kind, unit, name_en, name_ja, singular_en, counter_ja, aliases, daily_max, better, numerator, denominator, denominator_at, out_of, built_in';
const SELECT = `SELECT ${COLUMNS}, retired_at FROM metrics WHERE team_id = ? ORDER BY position, key`;

/** The built-in definitions as one JSON parameter, with their listing order. */
const BUILT_INS = JSON.stringify(BUILT_IN_METRICS.map((d, i) => [...columns(d), i]));

/** How a PostgreSQL row takes a built-in's JSON value where the column is not text. */
const PG_CASTS: Readonly<Record<string, string>> = { daily_max: '::double precision', out_of: '::double precision', built_in: '::bigint' };

/** Copies the built-in definitions a workspace lacks into it (all of them for a new one; none it retired or changed). */
const SEED_BUILT_INS: Record<Dialect, string> = {
  sqlite: `
  INSERT INTO metrics (team_id, ${COLUMNS}, position, created_at)
  SELECT w.team_id, ${COLUMNS.split(', ')
    .map((_, i) => `json_extract(b.value, '$[${i}]')`)
    .join(', ')}, json_extract(b.value, '$[15]'), ?
  FROM workspaces w CROSS JOIN json_each(?) b
  WHERE w.team_id IN (SELECT value FROM json_each(?))
  ON CONFLICT DO NOTHING`,
  postgres: `
  INSERT INTO metrics (team_id, ${COLUMNS}, position, created_at)
  SELECT w.team_id, ${COLUMNS.split(', ')
    .map((c, i) => `(b.v->>${i})${PG_CASTS[c] ?? ''}`)
    .join(', ')}, (b.v->>15)::bigint, ?::text
  FROM workspaces w CROSS JOIN json_array_elements(?::json) AS b(v)
  WHERE w.team_id IN (SELECT json_array_elements_text(?::json))
  ON CONFLICT DO NOTHING`,
};

/** The built-in keys of the JSON parameter. */
const BUILT_IN_KEYS: Record<Dialect, string> = {
  sqlite: "(SELECT json_extract(value, '$[0]') FROM json_each(?))",
  postgres: '(SELECT b.v->>0 FROM json_array_elements(?::json) AS b(v))',
};

/**
 * Makes sure a workspace exists, with the built-in metric definitions when it is new: every path that
 * first meets a workspace (a log, a team, an import) goes through here.
 */
export async function ensureWorkspace(tx: Tx, workspace: string, at: Date): Promise<void> {
  const { changes } = await tx.run('INSERT INTO workspaces (team_id, created_at) VALUES (?, ?) ON CONFLICT DO NOTHING', [workspace, at.toISOString()]);
  if (changes > 0) await tx.run(SEED_BUILT_INS[tx.dialect], [at.toISOString(), BUILT_INS, JSON.stringify([workspace])]);
}

/**
 * Gives every workspace the built-in definitions it lacks (a release that adds one), without touching
 * the ones it has: run when the store opens. Writes nothing when none is missing, so a read-only file
 * that is up to date still opens.
 */
export async function seedBuiltInMetrics(tx: Tx, at: Date): Promise<void> {
  const lacking = await tx.all<{ team_id: string }>(
    `SELECT w.team_id FROM workspaces w WHERE (SELECT count(*) FROM metrics m WHERE m.team_id = w.team_id AND m.key IN ${BUILT_IN_KEYS[tx.dialect]}) < ?`,
    [BUILT_INS, BUILT_IN_METRICS.length],
  );
  if (lacking.length === 0) return;
  await tx.run(SEED_BUILT_INS[tx.dialect], [at.toISOString(), BUILT_INS, JSON.stringify(lacking.map((r) => r.team_id))]);
}


/** How long another process's change to a definition may take to be seen here (this process's own are seen at once). */
const CACHE_MS = 30_000;

/** Each workspace's metric definitions: read once and cached, changed by its managers. */
export class Metrics {
  private readonly cache = new Map<string, { catalog: Promise<MetricCatalog>; at: number }>();

  constructor(private readonly db: Db) {}

  /**
   * The workspace's catalog. A workspace never seen has the built-in definitions (they are copied in
   * when it is first written to).
   */
  catalog(workspace: string): Promise<MetricCatalog> {
    const now = Date.now();
    const hit = this.cache.get(workspace);
    if (hit && now - hit.at < CACHE_MS) return hit.catalog;
    const catalog = this.db.read.all<MetricRow>(SELECT, [workspace]).then((rows) => new MetricCatalog(rows.length ? rows.map(toDef) : BUILT_IN_METRICS));
    // A failed read is not kept: the next call reads again.
    catalog.catch(() => this.cache.delete(workspace));
    this.cache.set(workspace, { catalog, at: now });
    return catalog;
  }

  private forget(workspace: string): void {
    this.cache.delete(workspace);
  }

  /** Whether anything was ever logged for a metric (its history is kept when it is retired). */
  async hasHistory(workspace: string, key: string): Promise<boolean> {
    return (await this.db.read.get('SELECT 1 FROM entries WHERE team_id = ? AND metric = ? LIMIT 1', [workspace, key])) !== undefined;
  }

  /** Adds a team's own definition; false when its key is taken. */
  async add(workspace: string, def: MetricDef, by: string, at: Date): Promise<boolean> {
    const added = await this.db.write(async (tx) => {
      await ensureWorkspace(tx, workspace, at);
      const { changes } = await tx.run(
        `INSERT INTO metrics (team_id, ${COLUMNS}, position, created_by, created_at)
         VALUES (?, ${COLUMNS.split(', ').map(() => '?').join(', ')}, (SELECT coalesce(max(position), 0) + 1 FROM metrics WHERE team_id = ?), ?, ?)
         ON CONFLICT DO NOTHING`,
        [workspace, ...columns(def), workspace, by, at.toISOString()],
      );
      return changes > 0;
    });
    this.forget(workspace);
    return added;
  }

  /** Replaces a definition's fields; false when there is no such metric. */
  async update(workspace: string, key: string, next: MetricDef, by: string, at: Date): Promise<boolean> {
    const changed = await this.db.write(async (tx) => {
      await ensureWorkspace(tx, workspace, at);
      const { changes } = await tx.run(
        `UPDATE metrics SET unit = ?, name_en = ?, name_ja = ?, singular_en = ?, counter_ja = ?, aliases = ?, daily_max = ?, better = ?,
           numerator = ?, denominator = ?, denominator_at = ?, out_of = ?, updated_by = ?, updated_at = ?
         WHERE team_id = ? AND key = ?`,
        // The definition's columns from unit to out_of, as `columns` writes them (key and kind stay; built_in too).
        [
          ...columns(next).slice(2, -1),
          by,
          at.toISOString(),
          workspace,
          key,
        ],
      );
      return changes > 0;
    });
    this.forget(workspace);
    return changed;
  }

  /**
   * Retires a metric (or brings one back): it keeps its history but takes no new logs, and its targets
   * end from `from` on, recorded like any target change. False when there is no such metric.
   */
  async setRetired(workspace: string, key: string, retired: boolean, by: string, at: Date, from: string): Promise<boolean> {
    const done = await this.db.write(async (tx) => {
      await ensureWorkspace(tx, workspace, at);
      const { changes } = await tx.run('UPDATE metrics SET retired_at = ?, updated_by = ?, updated_at = ? WHERE team_id = ? AND key = ?', [
        retired ? at.toISOString() : null,
        by,
        at.toISOString(),
        workspace,
        key,
      ]);
      if (changes > 0 && retired) {
        // Every subject whose latest target for the metric still stands gets "no target" from today.
        await tx.run(
          `INSERT INTO targets (team_id, scope, subject, metric, value, period, effective_from, set_by, set_at, source)
           SELECT t.team_id, t.scope, t.subject, t.metric, NULL, t.period, ?, ?, ?, 'command' FROM targets t
           WHERE t.team_id = ? AND t.metric = ? AND t.value IS NOT NULL
             AND t.id = (SELECT t2.id FROM targets t2 WHERE t2.team_id = t.team_id AND t2.scope = t.scope AND t2.subject = t.subject AND t2.metric = t.metric
                         ORDER BY t2.effective_from DESC, t2.id DESC LIMIT 1)`,
          [from, by, at.toISOString(), workspace, key],
        );
      }
      return changes > 0;
    });
    this.forget(workspace);
    return done;
  }

  /** The definitions agreed for the workspace's metrics ("a meeting with the decision maker present"), by key. */
  async definitions(workspace: string): Promise<Map<string, string>> {
    const rows = await this.db.read.all<{ key: string; definition: string }>('SELECT key, definition FROM metrics WHERE team_id = ? AND definition IS NOT NULL', [workspace]);
    return new Map(rows.map((r) => [r.key, r.definition]));
  }

  /** Writes down what a metric counts, in the words agreed (null clears it); false when there is no such metric. */
  async define(workspace: string, key: string, definition: string | null, by: string, at: Date): Promise<boolean> {
    return this.db.write(async (tx) => {
      const { changes } = await tx.run('UPDATE metrics SET definition = ?, updated_by = ?, updated_at = ? WHERE team_id = ? AND key = ?', [
        definition,
        by,
        at.toISOString(),
        workspace,
        key,
      ]);
      return changes > 0;
    });
  }
}
