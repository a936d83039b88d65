/** The real bot, as `kpi-bot start` runs it, in its own process (settings from the environment). */
import { main } from '../../src/cli/process.js';

await main(['start']);
