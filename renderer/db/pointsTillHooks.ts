// The purchase dialog's live reads of points (loaded with the customer page, not the first screen): a customer's at the till, what an edit or return does.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositoryDeps } from './appRepositories';
import { database } from './database';
import { createTillPointsReader, type PointsChange, type PointsChangeRequest, type TillPointsRead } from './pointsTill';

const till = createTillPointsReader(database(), repositoryDeps);

/** The customer's points at the till; undefined while loading, null when the customer is not found. */
export function useTillPoints(customerId: string | null): TillPointsRead | null | undefined {
  return useLiveQuery(() => (customerId === null ? null : till.read(customerId)), [customerId]);
}

/**
 * What saving this edit or return would do to points, read again as the form changes; undefined while loading.
 * A plain read, not a live query: the preview's read transaction spans the write's own functions, whose awaits a
 * live query's zone lets the transaction commit under (PrematureCommitError), and the dialog reads its purchase once.
 */
export function usePointsChange(request: PointsChangeRequest | null): PointsChange | null | undefined {
  const key = request === null ? null : JSON.stringify(request);
  const [result, setResult] = useState<{ key: string | null; change: PointsChange | null } | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (key === null) setResult({ key, change: null });
    else void till.previewChange(JSON.parse(key) as PointsChangeRequest).then((change) => live && setResult({ key, change }));
    return () => {
      live = false;
    };
  }, [key]);
  // The last answer stays shown while the next is read (no flicker as the clerk types).
  return result?.change;
}
