import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { blockKitProblems, viewProblems } from './block-kit.js';

/** One Web API call (or response_url post) the fake received. */
export interface RecordedCall {
  readonly method: string;
  /** The request path: for `response_url` posts, `/respond/<id>`. */
  readonly path?: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
  /** False when the fake answered with a scripted failure (so Slack did not take it). */
  ok: boolean;
}

/** A scripted answer for the next call(s) of a method: an HTTP failure, a rate limit or an `ok: false`. */
export type Failure =
  | { readonly status: 429; readonly retryAfter: number }
  | { readonly status: 500 | 502 | 503 }
  | { readonly error: string }
  | { readonly hang: true }
  /** Slack takes the message (it is posted) but the answer never comes: the ambiguous timeout. */
  | { readonly takeThenHang: true };

/** A message the fake holds in a channel, as `conversations.history` returns it. */
export interface PostedMessage {
  readonly ts: string;
  readonly text: string;
  readonly metadata?: { readonly event_type: string; readonly event_payload: Record<string, unknown> };
}

export interface FakeUser {
  readonly id: string;
  readonly tz?: string;
  readonly locale?: string;
  readonly is_admin?: boolean;
  readonly is_owner?: boolean;
  readonly deleted?: boolean;
  readonly real_name?: string;
  readonly status_text?: string;
  readonly status_emoji?: string;
  /** Unix seconds; 0 or absent: does not expire. */
  readonly status_expiration?: number;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The bytes of an uploaded file, as Slack keeps them (a byte-order mark too): the first part of a multipart body, or the body itself. */
async function uploadedBytes(body: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (!contentType?.startsWith('multipart/')) return body;
  const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  const first = [...form.values()][0];
  if (first === undefined) return Buffer.alloc(0);
  return typeof first === 'string' ? Buffer.from(first, 'utf8') : Buffer.from(await first.arrayBuffer());
}

/** A file as the fake holds it: reserved by `files.getUploadURLExternal`, filled by the upload, completed. */
export interface FakeFile {
  readonly id: string;
  readonly filename: string;
  readonly altText: string | null;
  bytes: Buffer | null;
  title: string | null;
  completed: boolean;
  /** The channel it was shared in by `files.completeUploadExternal`; null for a file shared nowhere. */
  channel: string | null;
}

interface Loose {
  [key: string]: unknown;
}

/** The file IDs that a payload's image blocks show (`slack_file.id`). */
function slackFileIds(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  return (blocks as Loose[]).flatMap((b) => (b.type === 'image' && typeof (b.slack_file as Loose | undefined)?.id === 'string' ? [String((b.slack_file as Loose).id)] : []));
}

/** Form fields as the Web API client sends them; nested values arrive JSON-encoded. */
function decodeBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    if (/^[[{]/u.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    out[key] = value;
  }
  return out;
}

/**
 * A small fake of Slack's Web API on 127.0.0.1: records every call, answers the methods the bot
 * uses, and can be told to answer 429 with `Retry-After`, 5xx, an error code, or not at all.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, FakeUser>();
  /** Payloads that broke Block Kit's limits; the harness fails a test that leaves any. */
  readonly limitProblems: string[] = [];
  /** The profile users.info returns for someone not in `users`. */
  defaultUser: Omit<FakeUser, 'id'> = { tz: 'Asia/Tokyo', locale: 'en-US' };
  /** Files uploaded through `files.getUploadURLExternal` and its upload URL, by ID. */
  readonly files = new Map<string, FakeFile>();
  /**
   * Whether this workspace takes Slack's native chart block; when false, a message with a
   * `data_visualization` block is answered `invalid_blocks`, as a Slack without the block answers.
   */
  nativeCharts = true;
  /** Channels that do not exist (or the bot is not in): every post to one is answered `channel_not_found`. */
  readonly missingChannels = new Set<string>();
  /** Scripted answers per method, in call order; null answers normally. */
  private readonly failures = new Map<string, (Failure | null)[]>();
  private readonly hanging: ServerResponse[] = [];
  /** Messages posted per channel, oldest first. */
  readonly posted = new Map<string, PostedMessage[]>();
  /** Slack's clock, for message timestamps; a test on a fake clock sets it to the bot's. */
  clock: () => number = Date.now;
  private server: Server | null = null;
  /** The app-level token `apps.connections.open` takes; any other is answered `invalid_auth`. */
  appToken = 'xapp-test-token';
  /** Set: the app token has been revoked, and `apps.connections.open` answers `token_revoked`. */
  appTokenRevoked = false;
  /** Socket Mode: the bot's WebSocket connections, and the acknowledgements awaited per envelope. */
  private readonly sockets = new WebSocketServer({ noServer: true });
  private readonly acks = new Map<string, (payload: Record<string, unknown> | null) => void>();
  private envelopes = 0;
  private ts = 1_700_000_000;
  private seq = 0;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url for a slash command; posts to it are recorded as method `response_url`. */
  responseUrl(id = 'cmd'): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== '/socket-mode') return socket.destroy();
      this.sockets.handleUpgrade(req, socket, head, (ws) => this.socketOpened(ws));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Slack greets a Socket Mode connection with `hello`; every message back is an envelope's acknowledgement. */
  private socketOpened(ws: WebSocket): void {
    ws.on('message', (data) => {
      const { envelope_id: id, payload } = JSON.parse(String(data)) as { envelope_id: string; payload?: Record<string, unknown> };
      this.acks.get(id)?.(payload ?? null);
      this.acks.delete(id);
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0001' }, debug_info: { host: 'fake' } }));
  }

  /** Slack's routine refresh of a Socket Mode connection: a `disconnect` message, after which the app connects anew. */
  askToReconnect(): void {
    for (const ws of this.sockets.clients) ws.send(JSON.stringify({ type: 'disconnect', reason: 'refresh_requested', debug_info: { host: 'fake' } }));
  }

  /** How many Socket Mode connections are open. */
  get socketConnections(): number {
    return this.sockets.clients.size;
  }

  /**
   * Sends an envelope down the Socket Mode connection, as Slack does for a slash command
   * (`slash_commands`), a click (`interactive`) or an event (`events_api`), and resolves with the
   * payload of the app's acknowledgement (null when it acknowledged with none).
   */
  async sendEnvelope(type: string, payload: Record<string, unknown>, timeoutMs = 5000): Promise<Record<string, unknown> | null> {
    const [ws] = this.sockets.clients;
    if (!ws) throw new Error('no Socket Mode connection is open');
    this.envelopes += 1;
    const id = `envelope-${this.envelopes}`;
    const acked = new Promise<Record<string, unknown> | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${type} envelope not acknowledged within ${timeoutMs} ms`)), timeoutMs);
      this.acks.set(id, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
    });
    ws.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api' }));
    return acked;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets.clients) ws.terminate();
    this.sockets.close();
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `times` calls of `method` get `failure` instead of an answer. */
  failNext(method: string, failure: Failure, times = 1): void {
    this.failAfter(method, 0, failure, times);
  }

  /** After the script so far, `okCalls` calls of `method` are answered normally, then `times` get `failure`. */
  failAfter(method: string, okCalls: number, failure: Failure, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < okCalls; i += 1) queue.push(null);
    for (let i = 0; i < times; i += 1) queue.push(failure);
    this.failures.set(method, queue);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls of a method that the fake answered with success: what Slack would have taken. */
  accepted(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.ok);
  }

  /** Resolves when a call of `method` matching `where` has arrived. */
  async waitFor(method: string, where: (c: RecordedCall) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find((c) => c.method === method && where(c));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${method} call arrived within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const raw = bytes.toString('utf8');
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/upload/')) {
      const data = await uploadedBytes(bytes, req.headers['content-type']);
      const id = path.slice('/upload/'.length);
      const file = this.files.get(id);
      const ok = file !== undefined && !file.completed;
      if (file && ok) file.bytes = data;
      this.calls.push({ method: 'file_upload', body: { file: id, content: data.toString('utf8'), bytes: data }, at: Date.now(), ok });
      res.writeHead(ok ? 200 : 404, { 'content-type': 'text/plain' });
      res.end(ok ? 'OK' : 'no such upload');
      return;
    }
    const body = decodeBody(raw, req.headers['content-type']);
    if (path.startsWith('/respond/')) {
      this.calls.push({ method: 'response_url', path, body, at: Date.now(), ok: true });
      for (const p of blockKitProblems(body, 'message')) this.limitProblems.push(`response_url: ${p}`);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    const method = path.replace(/^\/api\//u, '');
    const call: RecordedCall = { method, body, at: Date.now(), ok: true };
    this.calls.push(call);
    this.checkLimits(method, body);
    if (method === 'chat.postMessage' && this.missingChannels.has(String(body.channel))) {
      call.ok = false;
      this.json(res, { ok: false, error: 'channel_not_found' });
      return;
    }
    const refused = method === 'chat.postMessage' || method === 'chat.update' || method === 'chat.postEphemeral' ? this.refusedBlocks(body.blocks) : null;
    if (refused) {
      call.ok = false;
      this.json(res, { ok: false, error: 'invalid_blocks', errors: [refused], response_metadata: { messages: [`[ERROR] ${refused}`] } });
      return;
    }
    if (method === 'apps.connections.open' && (req.headers.authorization !== `Bearer ${this.appToken}` || this.appTokenRevoked)) {
      call.ok = false;
      this.json(res, { ok: false, error: this.appTokenRevoked ? 'token_revoked' : 'invalid_auth' });
      return;
    }
    const failure = this.failures.get(method)?.shift();
    if (failure && 'takeThenHang' in failure) {
      this.answer(method, body);
      this.hanging.push(res);
      return;
    }
    if (failure) {
      call.ok = false;
      if ('hang' in failure) {
        this.hanging.push(res);
        return;
      }
      if ('status' in failure) {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (failure.status === 429) headers['retry-after'] = String(failure.retryAfter);
        res.writeHead(failure.status, headers);
        res.end(JSON.stringify({ ok: false, error: failure.status === 429 ? 'ratelimited' : 'internal_error' }));
        return;
      }
      this.json(res, { ok: false, error: failure.error });
      return;
    }
    this.json(res, this.answer(method, body));
  }

  /**
   * Why Slack would refuse a message's blocks that are within Block Kit's limits: an image of a file
   * that was never uploaded and completed, or a chart block in a workspace that does not take it.
   */
  private refusedBlocks(blocks: unknown): string | null {
    if (!Array.isArray(blocks)) return null;
    const list = blocks as Loose[];
    const chart = list.findIndex((b) => b.type === 'data_visualization');
    if (chart !== -1 && !this.nativeCharts) return `unsupported block type: data_visualization [json-pointer:/blocks/${chart}]`;
    for (const id of slackFileIds(list)) {
      const file = this.files.get(id);
      if (!file?.completed || !file.bytes) return `invalid slack file [json-pointer:/blocks/${list.findIndex((b) => (b.slack_file as Loose | undefined)?.id === id)}/slack_file]`;
    }
    return null;
  }

  /** The uploaded files an accepted message shows in its image blocks. */
  imagesIn(call: RecordedCall): FakeFile[] {
    return slackFileIds(call.body.blocks).map((id) => this.files.get(id)!);
  }

  private checkLimits(method: string, body: Record<string, unknown>): void {
    let problems: string[] = [];
    if (method === 'chat.postMessage' || method === 'chat.postEphemeral' || method === 'chat.update') problems = blockKitProblems(body, 'message');
    if (method === 'views.open' || method === 'views.update' || method === 'views.push') problems = viewProblems(body.view as Record<string, unknown>, 'modal');
    if (method === 'views.publish') problems = viewProblems(body.view as Record<string, unknown>, 'home');
    for (const p of problems) this.limitProblems.push(`${method}: ${p}`);
  }

  private json(res: ServerResponse, payload: unknown): void {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(payload));
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'kpi', team_id: 'T0001', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'users.info': {
        const id = String(body.user);
        const u = this.users.get(id) ?? { id, ...this.defaultUser };
        return {
          ok: true,
          user: {
            id,
            name: id.toLowerCase(),
            real_name: u.real_name ?? `Person ${id}`,
            tz: u.tz,
            locale: u.locale,
            is_admin: u.is_admin ?? false,
            is_owner: u.is_owner ?? false,
            deleted: u.deleted ?? false,
            profile: { display_name: u.real_name ?? '', status_text: u.status_text ?? '', status_emoji: u.status_emoji ?? '', status_expiration: u.status_expiration ?? 0 },
          },
        };
      }
      case 'chat.postMessage': {
        this.seq += 1;
        const ts = `${Math.floor(this.clock() / 1000)}.${String(this.seq).padStart(6, '0')}`;
        const channel = String(body.channel);
        const metadata = body.metadata as PostedMessage['metadata'];
        this.posted.set(channel, [...(this.posted.get(channel) ?? []), { ts, text: String(body.text), ...(metadata ? { metadata } : {}) }]);
        return { ok: true, channel, ts, message: { text: body.text } };
      }
      case 'conversations.history': {
        // Newest first, from `oldest` on; metadata only when asked for, as Slack does.
        const oldest = Number(body.oldest ?? 0);
        const withMetadata = body.include_all_metadata === true || body.include_all_metadata === 'true';
        const messages = (this.posted.get(String(body.channel)) ?? [])
          .filter((m) => Number(m.ts) >= oldest)
          .reverse()
          .map((m) => (withMetadata ? m : { ts: m.ts, text: m.text }));
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket-mode` };
      case 'chat.postEphemeral':
        this.ts += 1;
        return { ok: true, message_ts: `${this.ts}.000200` };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users).replace(/^U/u, '')}` } };
      case 'files.getUploadURLExternal': {
        this.ts += 1;
        const id = `F${this.ts}`;
        this.files.set(id, { id, filename: String(body.filename), altText: body.alt_text === undefined ? null : String(body.alt_text), bytes: null, title: null, completed: false, channel: null });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const asked = (Array.isArray(body.files) ? body.files : []) as { id?: string; title?: string }[];
        const files = asked.map((f) => this.files.get(String(f.id)));
        if (asked.length === 0 || files.some((f) => !f || f.bytes === null)) return { ok: false, error: 'file_not_found' };
        return {
          ok: true,
          files: files.map((f, i) => {
            f!.completed = true;
            f!.title = asked[i]!.title ?? f!.filename;
            f!.channel = body.channel_id === undefined ? null : String(body.channel_id);
            return { id: f!.id, title: f!.title };
          }),
        };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push':
        return { ok: true, view: { id: 'V0001', ...(body.view as object) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
