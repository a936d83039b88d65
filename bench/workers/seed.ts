/** Builds one seeded database unless an identical one is cached: `seed.ts <path> <spec JSON>`. */
import { report } from '../lib/child.js';
import { buildSeed, cachedSeed, type SeedSpec } from '../lib/seed.js';

const [path, specJson] = process.argv.slice(2);
const spec = JSON.parse(specJson!) as SeedSpec;
const cached = cachedSeed(path!, spec);
if (cached) report({ ...cached, cached: true });
else report({ ...(await buildSeed(path!, spec, (line) => process.stdout.write(`${line}\n`))), cached: false });
