import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshPgUrl } from '../harness/backends.js';
import { ForeignDatabaseError, Store } from '../../src/store/index.js';
import { PG_MIGRATIONS } from '../../src/store/pg-migrations/index.js';

describe('a PostgreSQL schema', () => {
  it('holding another application’s tables is refused and left exactly as it was', async () => {
    const url = await freshPgUrl();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("CREATE TABLE invoices (id int PRIMARY KEY, total numeric); INSERT INTO invoices VALUES (1, 99.5)");
      await expect(Store.open(url)).rejects.toBeInstanceOf(ForeignDatabaseError);
      await expect(Store.open(url, { migrate: false })).rejects.toBeInstanceOf(ForeignDatabaseError);
      const tables = await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
      expect(tables.rows).toEqual([{ table_name: 'invoices' }]);
    } finally {
      await client.end();
    }
  });

  it('that is empty is migrated by the first of two instances starting together, once', async () => {
    const url = await freshPgUrl();
    const stores = await Promise.all([Store.open(url), Store.open(url), Store.open(url)]);
    try {
      // Each of PostgreSQL's migrations (11, the whole schema, then each later one) applied once.
      const applied = await stores[0]!.write((tx) => tx.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'));
      expect(applied).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version })));
      const metrics = await stores[1]!.write((tx) => tx.get<{ n: number }>('SELECT count(*) AS n FROM metrics'));
      expect(metrics).toEqual({ n: 0 });
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
