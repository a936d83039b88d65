/**
 * The baseline: a bare Bolt app on the same HTTP receiver with the same signature checks, whose
 * `/kpi` only acknowledges. `PORT` and `SLACK_SIGNING_SECRET` come from the environment.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  endpoints: '/slack/events',
  customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => res.writeHead(200).end('ok') }],
});
const app = new App({ token: 'xoxb-bench', botId: 'BBENCH', botUserId: 'UBENCH', receiver, logLevel: (process.env.BARE_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR), tokenVerificationEnabled: false });
app.command('/kpi', async ({ ack }) => {
  await ack({ response_type: 'ephemeral', text: '✅ ok' });
});
await app.start(Number(process.env.PORT));
process.once('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
