import { connect, toStoreError } from './pg-connection.js';
import { createPool, migratePostgres } from './pg-backend.js';
import type { Params, Tx } from './sql.js';
import { Store } from './store.js';

/** The tables in the order their references allow (a row's parent first); `heartbeat` is the health probe's and is not moved. */
export const TABLES_IN_ORDER = [
  'workspaces',
  'teams',
  'people',
  'engagement_members',
  'log_commands',
  'imports',
  'entries',
  'daily_totals',
  'personal_bests',
  'undo_audit',
  'edit_audit',
  'targets',
  'kpi_tree_nodes',
  'deliveries',
  'oneonones',
  'action_plans',
  'checkins',
  'metrics',
  'days_off',
  'decisions',
  'plan_proposals',
] as const;

/** Rows read from SQLite and written to PostgreSQL at a time. */
const PAGE = 5000;

export interface CopiedTable {
  readonly table: string;
  readonly rows: number;
}

/** The target database already holds data: nothing was copied. */
export class TargetNotEmptyError extends Error {
  constructor(readonly tables: readonly CopiedTable[]) {
    super(`the PostgreSQL database already holds data (${tables.map((t) => `${t.table} ${t.rows}`).join(', ')})`);
  }
}

/** A table's row count differs between the SQLite file and what PostgreSQL holds after the copy. */
export class CountMismatchError extends Error {
  constructor(readonly table: string, readonly expected: number, readonly found: number) {
    super(`${table}: ${expected} rows in the SQLite file, ${found} in PostgreSQL after the copy`);
  }
}

export interface CopyOptions {
  /** Empty the target's tables first (in the same transaction) instead of refusing a database that holds data. */
  readonly replace?: boolean;
  /** Told after each table is copied and counted. */
  readonly onTable?: (copied: CopiedTable) => void;
}

async function primaryKey(tx: Tx, table: string): Promise<string[]> {
  const columns = await tx.all<{ name: string; pk: number }>(`SELECT name, pk FROM pragma_table_info('${table}') WHERE pk > 0 ORDER BY pk`);
  return columns.map((c) => c.name);
}

/**
 * Moves everything the SQLite file holds into the PostgreSQL database, table by table, in one
 * PostgreSQL transaction: every row or none. The file is read inside one SQLite write transaction,
 * so the copy is one consistent state even if a bot still runs on it (its writes wait). Rows are
 * read a page at a time by primary key and written with `json_populate_recordset`, so neither side
 * holds a table in memory. The daily totals and bests are copied as they are (the entries' trigger is
 * off during the copy), identity sequences continue after the highest id, and each table's count
 * is checked against the file's before the commit; the tables are analysed after it. Returns what
 * each table held.
 */
export async function copySqliteToPostgres(sqlitePath: string, url: string, options: CopyOptions = {}): Promise<CopiedTable[]> {
  // Both are brought to the latest schema first (the same version in both engines), and each is
  // checked to be the bot's own; SQLite's file is also quick_checked.
  const source = await Store.open(sqlitePath, { check: true });
  const pool = createPool(url, 1);
  try {
    await migratePostgres(pool);
    return await source.write(async (lite) => {
      const client = await connect(pool);
      try {
        await client.query('BEGIN');
        const held: CopiedTable[] = [];
        for (const table of TABLES_IN_ORDER) {
          const rows = Number((await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
          if (rows > 0) held.push({ table, rows });
        }
        if (held.length > 0 && !options.replace) throw new TargetNotEmptyError(held);
        if (held.length > 0) await client.query(`TRUNCATE ${TABLES_IN_ORDER.join(', ')} RESTART IDENTITY`);
        await client.query('ALTER TABLE entries DISABLE TRIGGER entries_into_totals');
        const copied: CopiedTable[] = [];
        for (const table of TABLES_IN_ORDER) {
          const key = await primaryKey(lite, table);
          const described = (
            await client.query<{ name: string; identity: string }>(
              'SELECT column_name AS name, is_identity AS identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
              [table],
            )
          ).rows;
          const columns = described.map((r) => r.name);
          const list = columns.join(', ');
          let after: Params | null = null;
          let count = 0;
          for (;;) {
            const where: string = after === null ? '' : `WHERE (${key.join(', ')}) > (${key.map(() => '?').join(', ')})`;
            const page: Record<string, unknown>[] = await lite.all<Record<string, unknown>>(`SELECT ${list} FROM ${table} ${where} ORDER BY ${key.join(', ')} LIMIT ${PAGE}`, after ?? []);
            if (page.length === 0) break;
            await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(page)]);
            count += page.length;
            const last: Record<string, unknown> = page[page.length - 1]!;
            after = key.map((k): string | number => last[k] as string | number);
            if (page.length < PAGE) break;
          }
          const found = Number((await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
          if (found !== count) throw new CountMismatchError(table, count, found);
          const expected = (await lite.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
          if (expected !== count) throw new CountMismatchError(table, expected, count);
          // A generated id goes on after the copied ones (a plan proposal's id is random text, no sequence).
          if (described.some((c) => c.name === 'id' && c.identity === 'YES')) {
            await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`);
          }
          copied.push({ table, rows: count });
          options.onTable?.({ table, rows: count });
        }
        await client.query('ALTER TABLE entries ENABLE TRIGGER entries_into_totals');
        await client.query('COMMIT');
        // Statistics for the planner now, rather than when autovacuum gets to the new rows.
        await client.query(`ANALYZE ${TABLES_IN_ORDER.join(', ')}`);
        return copied;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    });
  } catch (error) {
    throw toStoreError(error);
  } finally {
    await source.close().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}
