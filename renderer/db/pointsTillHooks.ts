// The purchase dialog's live read of a customer's points (loaded with the customer page, not the first screen).
import { useLiveQuery } from 'dexie-react-hooks';
import { repositoryDeps } from './appRepositories';
import { database } from './database';
import { createTillPointsReader, type TillPointsRead } from './pointsTill';

const till = createTillPointsReader(database(), repositoryDeps);

/** The customer's points at the till; undefined while loading, null when the customer is not found. */
export function useTillPoints(customerId: string | null): TillPointsRead | null | undefined {
  return useLiveQuery(() => (customerId === null ? null : till.read(customerId)), [customerId]);
}
