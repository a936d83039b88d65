import { startTestBot, type TestBot, type TestBotOptions } from './bot.js';

/**
 * A test bot on a clock the test moves, for tests that drive the scheduler through days: `at` sets
 * the time, `tick` sets it and runs the scheduler's tick, `postsTo` reads what reached a channel or
 * a DM, and `as` types a command in the team's channel.
 */
export class Clocked {
  now: Date;
  t!: TestBot;

  constructor(
    start: string,
    private readonly channel = 'CSALES1',
  ) {
    this.now = new Date(start);
  }

  async start(options: Omit<TestBotOptions, 'clock'> = {}): Promise<TestBot> {
    this.t = await startTestBot({ ...options, clock: () => this.now });
    return this.t;
  }

  readonly at = (iso: string): void => {
    this.now = new Date(iso);
  };

  readonly tick = (iso: string) => {
    this.at(iso);
    return this.t.bot.scheduler.tick(this.now);
  };

  /** The texts posted to a channel or a person's DM, in order. */
  readonly postsTo = (channel: string): string[] =>
    this.t.slack
      .accepted('chat.postMessage')
      .filter((c) => c.body.channel === channel)
      .map((c) => String(c.body.text));

  readonly as = (userId: string, text: string, channelId = this.channel) => this.t.reply(text, { userId, channelId });
}
