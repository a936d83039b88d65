import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, storeLocation } from '../../src/config.js';
import { storeFailureLine } from '../../src/cli/store-failures.js';
import { ForeignDatabaseError, StoreUnavailableError } from '../../src/store/index.js';

describe('DATABASE_URL', () => {
  it('unset, the store is the SQLite file of KPI_DB_PATH as before', () => {
    const config = loadConfig({ KPI_DB_PATH: '/var/kpi/kpi.sqlite' }, { needsSlack: false });
    expect(config.databaseUrl).toBeNull();
    expect(storeLocation(config)).toBe('/var/kpi/kpi.sqlite');
    expect(storeLocation(loadConfig({ DATABASE_URL: '  ' }, { needsSlack: false }))).toBe('./data/kpi.sqlite');
  });

  it('set to a PostgreSQL URL, the store is that database (postgres:// or postgresql://)', () => {
    for (const url of ['postgres://kpi:s3cret@db.example.com:5432/kpi', 'postgresql://kpi@localhost/kpi?sslmode=require']) {
      const config = loadConfig({ DATABASE_URL: url, KPI_DB_PATH: './data/kpi.sqlite' }, { needsSlack: false });
      expect(storeLocation(config)).toBe(url);
    }
  });

  it('anything else stops with one line naming the variable and the form it takes', () => {
    for (const bad of ['mysql://kpi@db/kpi', './data/kpi.sqlite', 'postgres://kpi:p@ss word@db/kpi']) {
      let error: unknown = null;
      try {
        loadConfig({ DATABASE_URL: bad }, { needsSlack: false });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toMatch(/^DATABASE_URL must be a PostgreSQL URL such as postgres:\/\//u);
    }
  });

  it('a database that cannot be used is said in one line with the URL but never its password', () => {
    const url = 'postgres://kpi:s3cret@db.example.com:5432/kpi';
    const unreachable = storeFailureLine(new StoreUnavailableError(Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' })), url)!;
    expect(unreachable).toBe(
      'cannot reach the PostgreSQL server at DATABASE_URL=postgres://kpi@db.example.com:5432/kpi (connect ECONNREFUSED 10.0.0.5:5432): check that it is running and that the host and port are right.',
    );
    const refused = storeFailureLine(Object.assign(new Error('password authentication failed for user "kpi"'), { code: '28P01', severity: 'FATAL' }), url)!;
    expect(refused).toContain('PostgreSQL refused the user or password of DATABASE_URL=postgres://kpi@db.example.com:5432/kpi');
    expect(storeFailureLine(new ForeignDatabaseError(['accounts', 'invoices'], 0), url)).toContain("holds another application's tables (accounts, invoices)");
    for (const line of [unreachable, refused]) expect(line).not.toContain('s3cret');
  });
});
