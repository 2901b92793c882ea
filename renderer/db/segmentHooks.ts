// The segment builder's read: every active customer's facts, read when the builder opens (with how many are read so
// far) and kept up to date with each write, so that each count while the owner builds is a pass in memory.
import { useEffect, useState } from 'react';
import { database } from './database';
import { followSegmentFacts, type SegmentFactsRead } from './segmentFacts';

export type { SegmentFactsRead } from './segmentFacts';

export function useSegmentFacts(): SegmentFactsRead {
  const [read, setRead] = useState<SegmentFactsRead>({ state: 'loading', read: 0 });
  useEffect(() => followSegmentFacts(database(), setRead), []);
  return read;
}
