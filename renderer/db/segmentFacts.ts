// What a campaign's segment reads of every active customer (shared/domain/campaigns/segment.ts): read once when the
// owner starts building one, so that each count while building is a pass in memory, and kept up to date from then on
// by reading again only the customers each write changed.
import { CONSENT_CHANNELS, type ConsentChannel } from '../../shared/domain/consent';
import { segmentFactsOf, type SegmentFacts } from '../../shared/domain/campaigns/segment';
import { onCustomerChanges, type ChangedCustomers } from './customerChanges';
import type { RegularsDatabase } from './database';

/** The tables a customer's facts come from, each keyed by the customer's id. */
export const SEGMENT_FACT_TABLES = ['customers', 'customerState', 'pointsState', 'consentState'] as const;

/**
 * State rows per read: small enough that no read holds the page for long (the page's thread takes in each result:
 * chunks of 2,000 made tasks of up to 270 ms on a busy 2-core machine, npm run bench part segments), large enough
 * to read fast.
 */
const CHUNK = 500;

/** Changed customers read again one by one up to this many (or a quarter of the store); more, and everyone is read. */
const PATCH_AT_MOST = 5_000;

/**
 * Every active customer's facts, in id order, a chunk of state rows per transaction (a write between chunks is
 * seen by the chunks after it; a count is of the store as it was while read). `onProgress` gets the customers read.
 */
export async function readSegmentFacts(db: RegularsDatabase, onProgress?: (read: number) => void): Promise<SegmentFacts[]> {
  // Who granted each channel, from the consent index's keys alone.
  const granted = new Map<string, ConsentChannel[]>();
  await db.transaction('r', [db.consentState], async () => {
    for (const channel of CONSENT_CHANNELS) {
      for (const id of (await db.consentState.where('granted').equals(channel).primaryKeys()) as string[]) {
        const channels = granted.get(id);
        if (channels) channels.push(channel);
        else granted.set(id, [channel]);
      }
    }
  });
  const out: SegmentFacts[] = [];
  let after: string | null = null;
  for (;;) {
    const last: string | null = await db.transaction('r', [db.customerState, db.customers, db.pointsState], async () => {
      const states = await (after === null ? db.customerState.orderBy(':id') : db.customerState.where(':id').above(after)).limit(CHUNK).toArray();
      if (states.length === 0) return null;
      // The records and points of the chunk's id range: one request each, not a get per id.
      const from = states[0]!.id;
      const to = states[states.length - 1]!.id;
      const [records, points] = await Promise.all([db.customers.where(':id').between(from, to, true, true).toArray(), db.pointsState.where(':id').between(from, to, true, true).toArray()]);
      const recordOf = new Map(records.map((r) => [r.id, r]));
      const pointsOf = new Map(points.map((p) => [p.id, p]));
      for (const state of states) {
        const record = recordOf.get(state.id);
        if (state.isDeleted === 0 && record && record.isDeleted === 0) out.push(segmentFactsOf(record, state, pointsOf.get(state.id), { granted: granted.get(state.id) ?? [] }));
      }
      return to;
    });
    if (last === null) return out;
    after = last;
    onProgress?.(out.length);
  }
}

/**
 * The facts of the customers named, as stored now, CHUNK ids a transaction (all in the caller's, inside one): an id's
 * facts, or null for a customer not active (in the trash, erased, or without a state row yet).
 */
export async function readSegmentFactsOf(db: RegularsDatabase, ids: readonly string[]): Promise<Map<string, SegmentFacts | null>> {
  const out = new Map<string, SegmentFacts | null>();
  for (let from = 0; from < ids.length; from += CHUNK) {
    const chunk = ids.slice(from, from + CHUNK);
    await db.transaction('r', [db.customerState, db.customers, db.pointsState, db.consentState], async () => {
      const [states, records, points, consents] = await Promise.all([
        db.customerState.bulkGet(chunk),
        db.customers.bulkGet(chunk),
        db.pointsState.bulkGet(chunk),
        db.consentState.bulkGet(chunk),
      ]);
      chunk.forEach((id, i) => {
        const state = states[i];
        const record = records[i];
        out.set(id, state && record && state.isDeleted === 0 && record.isDeleted === 0 ? segmentFactsOf(record, state, points[i], consents[i]) : null);
      });
    });
  }
  return out;
}

export type SegmentFactsRead = { state: 'loading'; read: number } | { state: 'ready'; facts: SegmentFacts[] };

export interface FollowOptions {
  /** How long changes gather before they are read: a rollover's chunks come one after another. */
  settleMs?: number;
}

/**
 * Every active customer's facts, told to `emit` as first read (with progress) and then again after each change: only
 * the customers a write changed are read again, or everyone after a bulk write or a change to most of them. Facts a
 * campaign is started from are thus those on screen, never a morning's stages after the rollover drew new ones.
 * Returns the stop.
 */
export function followSegmentFacts(db: RegularsDatabase, emit: (read: SegmentFactsRead) => void, options: FollowOptions = {}): () => void {
  const settleMs = options.settleMs ?? 300;
  let stopped = false;
  let facts: Map<string, SegmentFacts> | null = null;
  let pending: Set<string> | 'all' = new Set();
  let reading = true;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const gather = (changed: ChangedCustomers) => {
    if (changed === 'all' || pending === 'all') pending = 'all';
    else for (const id of changed) pending.add(id);
  };
  const emitReady = () => {
    if (!stopped && facts) emit({ state: 'ready', facts: [...facts.values()] });
  };
  const schedule = () => {
    if (stopped || reading || timer !== null || (pending !== 'all' && pending.size === 0)) return;
    timer = setTimeout(() => {
      timer = null;
      void apply();
    }, settleMs);
  };
  const readAll = async (onProgress?: (n: number) => void) => new Map((await readSegmentFacts(db, onProgress)).map((f) => [f.id, f]));

  async function apply(): Promise<void> {
    const work: Set<string> | 'all' = pending;
    pending = new Set();
    reading = true;
    let failed = false;
    try {
      if (work === 'all' || !facts || work.size > Math.max(PATCH_AT_MOST, facts.size / 4)) {
        facts = await readAll();
      } else {
        const read = await readSegmentFactsOf(db, [...work]);
        let added = false;
        for (const [id, fact] of read) {
          if (fact === null) facts.delete(id);
          else {
            if (!facts.has(id)) added = true;
            facts.set(id, fact);
          }
        }
        // In id order, as first read: a new customer (or one back from the trash) goes to their place.
        if (added) facts = new Map([...facts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      }
      emitReady();
    } catch (error) {
      // The changes are read again with the next write's (not at once: a read that keeps failing is not retried in a
      // loop); the facts on screen stay the last that were read.
      console.error(error);
      gather(work);
      failed = true;
    } finally {
      reading = false;
      if (!failed) schedule();
    }
  }

  const unsubscribe = onCustomerChanges(db.name, SEGMENT_FACT_TABLES, (changed) => {
    gather(changed);
    schedule();
  });
  // Changes announced while the first read runs are read again after it: a chunk read before them missed them.
  void readAll((n) => !stopped && emit({ state: 'loading', read: n }))
    .then((all) => {
      facts = all;
      emitReady();
    })
    .catch((error: unknown) => console.error(error))
    .finally(() => {
      reading = false;
      schedule();
    });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
  };
}
