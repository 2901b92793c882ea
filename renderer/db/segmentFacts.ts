// What a campaign's segment reads of every active customer (shared/domain/campaigns/segment.ts), read once when the
// owner starts building one, so that each count while building is a pass in memory.
import { CONSENT_CHANNELS, type ConsentChannel } from '../../shared/domain/consent';
import { segmentFactsOf, type SegmentFacts } from '../../shared/domain/campaigns/segment';
import type { RegularsDatabase } from './database';

/**
 * State rows per read: small enough that no read holds the page for long (the page's thread takes in each result:
 * chunks of 2,000 made tasks of up to 270 ms on a busy 2-core machine, npm run bench part segments), large enough
 * to read fast.
 */
const CHUNK = 500;

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
