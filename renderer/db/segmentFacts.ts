// What a campaign's segment reads of every active customer (shared/domain/campaigns/segment.ts), read once when the
// owner starts building one, so that each count while building is a pass in memory.
import { CONSENT_CHANNELS, type ConsentChannel } from '../../shared/domain/consent';
import { segmentFactsOf, type SegmentFacts } from '../../shared/domain/campaigns/segment';
import type { RegularsDatabase } from './database';

/** State rows per read: small enough that no read holds the page for long, large enough to read fast. */
const CHUNK = 2_000;

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
      const active = states.filter((s) => s.isDeleted === 0);
      const ids = active.map((s) => s.id);
      const [records, points] = await Promise.all([db.customers.bulkGet(ids), db.pointsState.bulkGet(ids)]);
      active.forEach((state, i) => {
        const record = records[i];
        if (record && record.isDeleted === 0) out.push(segmentFactsOf(record, state, points[i], { granted: granted.get(state.id) ?? [] }));
      });
      return states[states.length - 1]!.id;
    });
    if (last === null) return out;
    after = last;
    onProgress?.(out.length);
  }
}
