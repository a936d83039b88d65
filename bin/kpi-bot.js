#!/usr/bin/env node
// The `kpi-bot` command: runs the compiled CLI (npm install builds it into dist/).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/process.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('kpi-bot: the compiled code is missing; run `npm install` (or `npm run build`) in the project folder first.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
