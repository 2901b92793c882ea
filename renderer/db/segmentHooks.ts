// The segment builder's read: every active customer's facts, read once when the builder opens (with how many are read
// so far), so that each count while the owner builds is a pass in memory.
import { useEffect, useState } from 'react';
import type { SegmentFacts } from '../../shared/domain/campaigns/segment';
import { database } from './database';
import { readSegmentFacts } from './segmentFacts';

export type SegmentFactsRead = { state: 'loading'; read: number } | { state: 'ready'; facts: SegmentFacts[] };

export function useSegmentFacts(): SegmentFactsRead {
  const [read, setRead] = useState<SegmentFactsRead>({ state: 'loading', read: 0 });
  useEffect(() => {
    let live = true;
    void readSegmentFacts(database(), (n) => live && setRead({ state: 'loading', read: n })).then((facts) => live && setRead({ state: 'ready', facts }));
    return () => {
      live = false;
    };
  }, []);
  return read;
}
