import { describe, expect, it } from 'vitest';
import { isPostgresUrl, redactLocation } from '../../src/store/location.js';

describe('a store location as logs and messages show it', () => {
  it('drops a PostgreSQL password and keeps everything else, a file path as it is', () => {
    expect(redactLocation('postgres://kpi:s3cret@db.internal:5432/kpi')).toBe('postgres://kpi@db.internal:5432/kpi');
    expect(redactLocation('postgresql://kpi@db/kpi?application_name=a:@b')).toBe('postgresql://kpi@db/kpi?application_name=a:@b');
    expect(redactLocation('/var/lib/kpi/kpi.sqlite')).toBe('/var/lib/kpi/kpi.sqlite');
    expect(redactLocation('postgres://[bad')).toBe('postgres://…');
    expect([isPostgresUrl('POSTGRES://x'), isPostgresUrl('kpi.sqlite')]).toEqual([true, false]);
  });
});
