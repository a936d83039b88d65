// Runs the kpi-bot CLI from source, for tests that need a real process (signals, SIGKILL, exit codes).
import { main } from '../../src/cli/process.js';

await main();
