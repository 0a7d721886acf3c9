import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { FormValue } from '../stripe/form-encoding';
import type { StripeMode } from '../stripe-id-grammar';
import { stripeNow } from '../stripe/stripe-clock';

/**
 * `pending` until Stripe's answer is known: a record left pending is replayed with its key,
 * never re-created, but only while Stripe still keeps that key (see `stale-attempts.ts`).
 * `unknown`: past that, or its account gone, whether Stripe acted is found by reading
 * Stripe, never by sending again. `unverified`: Stripe said 2xx but the answer was not the
 * expected object, so it very likely acted; never sent again either.
 */
export type JournalOutcome = 'pending' | 'succeeded' | 'failed' | 'unknown' | 'unverified';

/**
 * A change to Stripe as the journal keeps it. A POST is sent with the attempt's idempotency
 * key; a DELETE (idempotent by definition at Stripe, which ignores keys on it) is settled by
 * reading the object whenever its answer is in doubt.
 */
export interface JournaledRequest {
  method: 'POST' | 'DELETE';
  path: string;
  params: Record<string, FormValue>;
}

/** Outcomes that are not yet final: the start-up pass looks at each. */
const UNSETTLED: readonly JournalOutcome[] = ['pending', 'unknown'];

export interface JournalRecord {
  /** The attempt ID the UI minted for this one confirmation. */
  id: string;
  idempotencyKey: string;
  createdAt: number;
  /**
   * When it began by Stripe's clock (`utils/stripe/stripe-clock.ts`), where known: how long
   * Stripe has kept its key is measured from this, whatever the computer's clock does.
   */
  stripeCreatedAt?: number;
  updatedAt: number;
  accountId: string;
  mode: StripeMode;
  objectId: string;
  /**
   * The action's name, as its kind's facts list it (`utils/objects/kind-facts.ts`): the kit
   * types it where an attempt is made; here it is whatever a record was stored with.
   */
  action: string;
  amount?: number;
  currency?: string;
  /** What to send again, with the same key, if the worker dies mid-request. Never holds keys. */
  request: JournaledRequest;
  outcome: JournalOutcome;
  requestId?: string;
  errorMessage?: string;
  pageUrl?: string;
  /** Who acted, as Options or the organisation's policy names the agent; absent if unnamed. */
  agentName?: string;
}

export type NewJournalRecord = Omit<
  JournalRecord,
  'idempotencyKey' | 'createdAt' | 'stripeCreatedAt' | 'updatedAt' | 'outcome'
>;
export type JournalSettlement = Pick<JournalRecord, 'outcome'> &
  Partial<Pick<JournalRecord, 'requestId' | 'errorMessage'>>;

interface JournalDb extends DBSchema {
  actions: {
    key: string;
    value: JournalRecord;
    indexes: { byOutcome: string; byCreatedAt: number };
  };
}

export interface ActivityJournal {
  /**
   * Writes the record before anything is sent. Called again with the same attempt ID (a
   * double click, a retry after a restart), it returns the stored record and its key.
   */
  begin(record: NewJournalRecord, now?: number): Promise<JournalRecord>;
  /**
   * Records what became of an attempt. A `succeeded` record stays succeeded whatever comes
   * after (a late 409 from a concurrent replay), and nothing goes back to `pending`.
   */
  settle(id: string, settlement: JournalSettlement, now?: number): Promise<JournalRecord>;
  get(id: string): Promise<JournalRecord | undefined>;
  /** Records still pending or unknown, for the start-up pass. */
  listUnsettled(): Promise<JournalRecord[]>;
  listRecent(limit: number): Promise<JournalRecord[]>;
  /** Records created at or after `since`, oldest first. */
  listSince(since: number): Promise<JournalRecord[]>;
  /** Deletes settled records created before `cutoff`; pending ones are kept until resolved. */
  pruneBefore(cutoff: number): Promise<number>;
}

export class JournalConflictError extends Error {
  override readonly name = 'JournalConflictError';
}

export const idempotencyKeyFor = (attemptId: string) => `sha-${attemptId}`;

export function openActivityJournal(databaseName = 'activity-journal'): ActivityJournal {
  let database: Promise<IDBPDatabase<JournalDb>> | undefined;
  const db = () =>
    (database ??= openDB<JournalDb>(databaseName, 1, {
      upgrade(upgrading) {
        const store = upgrading.createObjectStore('actions', { keyPath: 'id' });
        store.createIndex('byOutcome', 'outcome');
        store.createIndex('byCreatedAt', 'createdAt');
      },
    }));

  return {
    async begin(record, now = Date.now()) {
      const tx = (await db()).transaction('actions', 'readwrite');
      const existing = await tx.store.get(record.id);
      if (existing) {
        await tx.done;
        const sameIntent =
          existing.action === record.action &&
          existing.objectId === record.objectId &&
          existing.accountId === record.accountId &&
          JSON.stringify(existing.request) === JSON.stringify(record.request);
        if (!sameIntent)
          throw new JournalConflictError(
            'This confirmation was already used for a different action.',
          );
        return existing;
      }
      const stripeCreatedAt = stripeNow(now);
      const created: JournalRecord = {
        ...record,
        idempotencyKey: idempotencyKeyFor(record.id),
        createdAt: now,
        ...(stripeCreatedAt === null ? {} : { stripeCreatedAt }),
        updatedAt: now,
        outcome: 'pending',
      };
      await tx.store.add(created);
      await tx.done;
      return created;
    },
    async settle(id, settlement, now = Date.now()) {
      const tx = (await db()).transaction('actions', 'readwrite');
      const existing = await tx.store.get(id);
      if (!existing) throw new Error(`No journal record ${id}.`);
      const downgrade =
        (existing.outcome === 'succeeded' && settlement.outcome !== 'succeeded') ||
        (existing.outcome !== 'pending' && settlement.outcome === 'pending');
      if (downgrade) {
        await tx.done;
        return existing;
      }
      const updated: JournalRecord = { ...existing, ...settlement, updatedAt: now };
      await tx.store.put(updated);
      await tx.done;
      return updated;
    },
    async get(id) {
      return (await db()).get('actions', id);
    },
    async listUnsettled() {
      const opened = await db();
      const lists = await Promise.all(
        UNSETTLED.map((outcome) => opened.getAllFromIndex('actions', 'byOutcome', outcome)),
      );
      return lists.flat();
    },
    async pruneBefore(cutoff) {
      const tx = (await db()).transaction('actions', 'readwrite');
      let removed = 0;
      let cursor = await tx.store
        .index('byCreatedAt')
        .openCursor(IDBKeyRange.upperBound(cutoff, true));
      while (cursor) {
        if (!UNSETTLED.includes(cursor.value.outcome)) {
          await cursor.delete();
          removed++;
        }
        cursor = await cursor.continue();
      }
      await tx.done;
      return removed;
    },
    async listSince(since) {
      return (await db()).getAllFromIndex('actions', 'byCreatedAt', IDBKeyRange.lowerBound(since));
    },
    async listRecent(limit) {
      const tx = (await db()).transaction('actions');
      const records: JournalRecord[] = [];
      let cursor = await tx.store.index('byCreatedAt').openCursor(null, 'prev');
      while (cursor && records.length < limit) {
        records.push(cursor.value);
        cursor = await cursor.continue();
      }
      return records;
    },
  };
}
