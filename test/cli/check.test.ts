import { describe, expect, it } from 'vitest';
import { freshPgUrl } from '../harness/backends.js';
import { runCheck } from '../../src/cli/check.js';
import { SCHEMA_VERSION, Store } from '../../src/store/index.js';

describe('kpi-bot check on PostgreSQL', () => {
  it('says the database answers and its schema version, without the password', async () => {
    const url = await freshPgUrl();
    await (await Store.open(url)).close();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCheck(url, { stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.join('')).toMatch(new RegExp(`^Database postgres://[^:@]+@.+ \\(PostgreSQL\\) answers; schema version ${SCHEMA_VERSION} of ${SCHEMA_VERSION}\\.\\n$`, 'u'));
  });
});
