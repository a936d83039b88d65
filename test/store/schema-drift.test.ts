/**
 * The two engines' schemas may not drift apart: a database migrated to the latest version on SQLite
 * and one on PostgreSQL have the same tables and views, the same columns with the same types and
 * nullability, the same triggers, and the same latest version. A SQLite migration added without its
 * PostgreSQL twin (src/store/pg-migrations/) fails here.
 */
import { describe, expect, it } from 'vitest';
import { freshPgUrl } from '../harness/backends.js';
import { tempDir } from '../harness/bot.js';
import { Store } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations/index.js';

interface Column {
  readonly table: string;
  readonly column: string;
  readonly type: string;
  readonly notNull: boolean;
}

/** SQLite's declared types as PostgreSQL's migrations write them. */
const PG_TYPE_OF: Readonly<Record<string, string>> = { INTEGER: 'bigint', TEXT: 'text', REAL: 'double precision' };

async function sqliteSchema(store: Store): Promise<{ columns: Column[]; triggers: string[] }> {
  return store.write(async (tx) => {
    const rows = await tx.all<{ tbl: string; kind: string; col: string; type: string; notnull: number; pk: number }>(
      `SELECT m.name AS tbl, m.type AS kind, p.name AS col, p.type, p."notnull" AS "notnull", p.pk FROM sqlite_schema m JOIN pragma_table_info(m.name) p
       WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%'`,
    );
    const triggers = await tx.all<{ name: string }>("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name");
    return {
      // A view's columns carry no declared type in SQLite: only their names are compared.
      columns: rows.map((r) => ({
        table: r.tbl,
        column: r.col,
        type: r.kind === 'view' ? 'view' : (PG_TYPE_OF[r.type] ?? r.type),
        notNull: r.kind === 'view' ? false : r.notnull === 1 || r.pk > 0,
      })),
      triggers: triggers.map((t) => t.name),
    };
  });
}

async function pgSchema(store: Store): Promise<{ columns: Column[]; triggers: string[] }> {
  return store.write(async (tx) => {
    const rows = await tx.all<{ tbl: string; kind: string; col: string; type: string; nullable: string }>(
      `SELECT c.table_name AS tbl, t.table_type AS kind, c.column_name AS col, c.data_type AS type, c.is_nullable AS nullable
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema()`,
    );
    const triggers = await tx.all<{ name: string }>(
      'SELECT DISTINCT trigger_name AS name FROM information_schema.triggers WHERE trigger_schema = current_schema() ORDER BY trigger_name',
    );
    return {
      columns: rows.map((r) => ({
        table: r.tbl,
        column: r.col,
        type: r.kind === 'VIEW' ? 'view' : r.type,
        notNull: r.kind === 'VIEW' ? false : r.nullable === 'NO',
      })),
      triggers: triggers.map((t) => t.name),
    };
  });
}

const sorted = (columns: Column[]) => [...columns].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));

describe('the SQLite and PostgreSQL schemas', () => {
  it('reach the same latest version: every SQLite migration has its PostgreSQL twin', () => {
    const latest = (list: readonly { version: number }[]) => Math.max(...list.map((m) => m.version));
    expect(latest(PG_MIGRATIONS)).toBe(latest(MIGRATIONS));
    // After the consolidated start (11), each later version exists in both lists.
    const later = MIGRATIONS.filter((m) => m.version > PG_MIGRATIONS[0]!.version).map((m) => m.version);
    expect(PG_MIGRATIONS.slice(1).map((m) => m.version)).toEqual(later);
  });

  it('have the same tables, views, columns, types, nullability and triggers once migrated', async () => {
    const dir = tempDir();
    const lite = await Store.open(`${dir.path}/kpi.sqlite`);
    const pg = await Store.open(await freshPgUrl());
    try {
      const [a, b] = [await sqliteSchema(lite), await pgSchema(pg)];
      expect(sorted(b.columns)).toEqual(sorted(a.columns));
      expect(b.triggers).toEqual(a.triggers);
      expect(await pg.schemaVersion()).toBe(await lite.schemaVersion());
    } finally {
      await lite.close();
      await pg.close();
      dir.remove();
    }
  });
});
