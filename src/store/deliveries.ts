import type { Db } from './db.js';

/**
 * `alert`: a broken channel told to its managers; `pace`: a KPI far off its pace told to them; `reminder`: the evening reminder;
 * `monthly`: the month-end review (period: the month reviewed); `kickoff`: the month's kickoff (period: that month).
 */
export type DeliveryKind = 'daily' | 'weekly' | 'dm' | 'oneonone' | 'checkin' | 'alert' | 'reminder' | 'pace' | 'client' | 'monthly' | 'kickoff';
export type DeliveryStatus = 'claimed' | 'retry' | 'sent' | 'skipped' | 'failed';

/** The unique key of a scheduled message: (workspace, team or person, kind, period). */
export interface DeliveryKey {
  readonly workspace: string;
  readonly kpiTeam: number | null;
  readonly subject: string;
  readonly kind: DeliveryKind;
  readonly periodKey: string;
}

export interface Delivery extends DeliveryKey {
  readonly id: number;
  readonly status: DeliveryStatus;
  readonly slotAt: Date;
  readonly claimedAt: Date;
  readonly claimedBy: string;
  readonly attempts: number;
  readonly nextTryAt: Date | null;
  readonly channel: string | null;
  readonly ts: string | null;
  readonly reason: string | null;
}

interface Row {
  id: number;
  team_id: string;
  kpi_team: number | null;
  subject: string;
  kind: DeliveryKind;
  period_key: string;
  status: DeliveryStatus;
  slot_at: string;
  claimed_at: string;
  claimed_by: string;
  attempts: number;
  next_try_at: string | null;
  channel: string | null;
  ts: string | null;
  reason: string | null;
}

const toDelivery = (r: Row): Delivery => ({
  id: r.id,
  workspace: r.team_id,
  kpiTeam: r.kpi_team,
  subject: r.subject,
  kind: r.kind,
  periodKey: r.period_key,
  status: r.status,
  slotAt: new Date(r.slot_at),
  claimedAt: new Date(r.claimed_at),
  claimedBy: r.claimed_by,
  attempts: r.attempts,
  nextTryAt: r.next_try_at ? new Date(r.next_try_at) : null,
  channel: r.channel,
  ts: r.ts,
  reason: r.reason,
});

const BY_KEY = 'SELECT * FROM deliveries WHERE team_id = ? AND subject = ? AND kind = ? AND period_key = ?';
const keyParams = (k: DeliveryKey) => [k.workspace, k.subject, k.kind, k.periodKey];

/** Why a delivery whose sender stopped mid-send is being tried again. */
const INTERRUPTED = 'interrupted while sending; Slack is asked whether it has the message before it is sent again';

/**
 * Claims on scheduled messages. A message is claimed before it is sent and marked sent with its
 * `ts` after; the unique key makes a second claim (a restart, a second process) find the first.
 */
export class Deliveries {
  constructor(private readonly db: Db) {}

  async find(key: DeliveryKey): Promise<Delivery | null> {
    const row = await this.db.read.get<Row>(BY_KEY, keyParams(key));
    return row ? toDelivery(row) : null;
  }

  /**
   * Takes a delivery for sending: a new one, or one waiting to be retried whose time has come.
   * Null when it is someone else's or already settled.
   */
  claim(key: DeliveryKey, slotAt: Date, at: Date, instance: string): Promise<Delivery | null> {
    return this.db.write(async (tx) => {
      const claimedAt = at.toISOString();
      // A new one: the unique key lets one claim in, and another process's (or a restart's) insert
      // does nothing. On PostgreSQL a claim another instance has not committed yet is waited for.
      const id = await tx.insert(
        `INSERT INTO deliveries (team_id, kpi_team, subject, kind, period_key, status, slot_at, claimed_at, claimed_by, attempts)
         VALUES (?, ?, ?, ?, ?, 'claimed', ?, ?, ?, 1) ON CONFLICT DO NOTHING`,
        [key.workspace, key.kpiTeam, key.subject, key.kind, key.periodKey, slotAt.toISOString(), claimedAt, instance],
      );
      if (id !== null) {
        // The claim is returned as written: every column is known, no need to read the row back.
        return toDelivery({
          id,
          team_id: key.workspace,
          kpi_team: key.kpiTeam,
          subject: key.subject,
          kind: key.kind,
          period_key: key.periodKey,
          status: 'claimed',
          slot_at: slotAt.toISOString(),
          claimed_at: claimedAt,
          claimed_by: instance,
          attempts: 1,
          next_try_at: null,
          channel: null,
          ts: null,
          reason: null,
        });
      }
      // One waiting for a retry whose time has come: the condition lets one process take it.
      const { changes } = await tx.run(
        `UPDATE deliveries SET status = 'claimed', claimed_at = ?, claimed_by = ?, attempts = attempts + 1
         WHERE team_id = ? AND subject = ? AND kind = ? AND period_key = ? AND status = 'retry' AND (next_try_at IS NULL OR next_try_at <= ?)`,
        [claimedAt, instance, ...keyParams(key), claimedAt],
      );
      if (changes === 0) return null;
      const row = await tx.get<Row>(BY_KEY, keyParams(key));
      return row ? toDelivery(row) : null;
    });
  }

  /** Records a slot that will not be sent (missed beyond the catch-up window, nobody to send to); false when it was already recorded. */
  recordSkipped(key: DeliveryKey, slotAt: Date, at: Date, instance: string, reason: string): Promise<boolean> {
    return this.db.write(async (tx) => {
      const { changes } = await tx.run(
        `INSERT INTO deliveries (team_id, kpi_team, subject, kind, period_key, status, slot_at, claimed_at, claimed_by, reason)
         VALUES (?, ?, ?, ?, ?, 'skipped', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [key.workspace, key.kpiTeam, key.subject, key.kind, key.periodKey, slotAt.toISOString(), at.toISOString(), instance, reason],
      );
      return changes > 0;
    });
  }

  markSent(id: number, channel: string, ts: string, at: Date): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run("UPDATE deliveries SET status = 'sent', channel = ?, ts = ?, sent_at = ?, reason = NULL WHERE id = ?", [channel, ts, at.toISOString(), id]);
    });
  }

  /** Leaves a delivery to be tried again from `nextTryAt` (Slack was unavailable). */
  markRetry(id: number, reason: string, nextTryAt: Date): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run("UPDATE deliveries SET status = 'retry', reason = ?, next_try_at = ? WHERE id = ?", [reason, nextTryAt.toISOString(), id]);
    });
  }

  /** Settles a delivery that will not be sent: `failed` (Slack refused it) or `skipped`. */
  settle(id: number, status: 'failed' | 'skipped', reason: string): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run('UPDATE deliveries SET status = ?, reason = ? WHERE id = ?', [status, reason, id]);
    });
  }

  /**
   * Claims held longer than a lease belong to a process that stopped mid-send: whether Slack took the
   * message is unknown, so they go back to be retried from `at`, and the sender looks for the message
   * in Slack before posting it again (a retried delivery is always looked for first).
   */
  reopenStale(olderThan: Date, at: Date): Promise<number> {
    return this.db.write(async (tx) => {
      const { changes } = await tx.run(
        "UPDATE deliveries SET status = 'retry', reason = ?, next_try_at = ? WHERE status = 'claimed' AND claimed_at < ?",
        [INTERRUPTED, at.toISOString(), olderThan.toISOString()],
      );
      return changes;
    });
  }

  /** The latest delivery of a kind to a subject that was sent for a period before `before` (the last 1on1 held). */
  async lastSent(workspace: string, subject: string, kind: DeliveryKind, before: string): Promise<Delivery | null> {
    const row = await this.db.read.get<Row>(
      "SELECT * FROM deliveries WHERE team_id = ? AND subject = ? AND kind = ? AND status = 'sent' AND period_key < ? ORDER BY id DESC LIMIT 1",
      [workspace, subject, kind, before],
    );
    return row ? toDelivery(row) : null;
  }

  /** Deliveries of a kind (and optionally a period), oldest first: for the CLI and tests. */
  async list(filter: { kind?: DeliveryKind; periodKey?: string; workspace?: string } = {}): Promise<Delivery[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.kind) {
      where.push('kind = ?');
      params.push(filter.kind);
    }
    if (filter.periodKey) {
      where.push('period_key = ?');
      params.push(filter.periodKey);
    }
    if (filter.workspace) {
      where.push('team_id = ?');
      params.push(filter.workspace);
    }
    const rows = await this.db.read.all<Row>(`SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`, params);
    return rows.map(toDelivery);
  }
}
