// The purchase dialog's live reads of points (loaded with the customer page, not the first screen): a customer's at the till, what an edit or return does.
import { useLiveQuery } from 'dexie-react-hooks';
import { repositoryDeps } from './appRepositories';
import { database } from './database';
import { createTillPointsReader, type PointsChange, type PointsChangeRequest, type TillPointsRead } from './pointsTill';

const till = createTillPointsReader(database(), repositoryDeps);

/** The customer's points at the till; undefined while loading, null when the customer is not found. */
export function useTillPoints(customerId: string | null): TillPointsRead | null | undefined {
  return useLiveQuery(() => (customerId === null ? null : till.read(customerId)), [customerId]);
}

/** What saving this edit or return would do to points, kept current as the form and the ledger change; undefined while loading. */
export function usePointsChange(request: PointsChangeRequest | null): PointsChange | null | undefined {
  const key = request === null ? null : JSON.stringify(request);
  // The request is identified by its content (a new object every render).
  return useLiveQuery(() => (request === null ? null : till.previewChange(request)), [key]);
}
