// The page's side of the care worker (workers/careProtocol.ts): one worker for the app, started on first use.
import type { ReminderKind } from '../../../shared/domain/reminders';
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { careContract, type CarePage, type CareSummary } from '../../workers/careProtocol';
import { createWorkerClient, orThrow, type WorkerEndpoint, type WorkerFailure } from '../../workers/rpc';

export type { CarePage, CareSummary };

/** What the screens need of the worker; tests pass their own. */
export interface CareWorkerApi {
  compute(horizonDays: number): Promise<CareSummary>;
  page(kind: ReminderKind | null, offset: number, limit: number): Promise<CarePage>;
}

export class CareWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CareWorkerError';
  }
}

const failed = (failure: WorkerFailure) => new CareWorkerError(failure.message);

function careClient(endpoint: WorkerEndpoint) {
  const rpc = createWorkerClient(careContract, endpoint, { clock: systemClock });
  return {
    get open() {
      return rpc.open;
    },
    compute: async (horizonDays: number) => orThrow(await rpc.call('compute', { horizonDays }), failed),
    page: async (kind: ReminderKind | null, offset: number, limit: number) => orThrow(await rpc.call('page', { kind, offset, limit }), failed),
  } satisfies CareWorkerApi & { open: boolean };
}

let client: ReturnType<typeof careClient> | null = null;

/** The app's care worker, started on first use, and again after it failed. */
export function careWorker(): CareWorkerApi {
  if (!client?.open) {
    client = careClient(new Worker(new URL('../../workers/care.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() }));
  }
  return client;
}
