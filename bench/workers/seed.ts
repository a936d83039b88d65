/** Builds one seeded database in its own process: `seed.ts <path> <spec JSON>`. */
import { report } from '../lib/child.js';
import { buildSeed, type SeedSpec } from '../lib/seed.js';

const [path, specJson] = process.argv.slice(2);
report(await buildSeed(path!, JSON.parse(specJson!) as SeedSpec, (line) => process.stdout.write(`${line}\n`)));
