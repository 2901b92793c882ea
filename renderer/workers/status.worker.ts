// The status worker: full recomputations, the tier review and the rules preview, off the UI thread.
// It opens the same IndexedDB database as the page; Dexie tells the page's live queries what changed.
import { localDayOf } from '../../shared/domain/customerFigures';
import { previewGroups, type PreviewCustomer } from '../../shared/domain/statusPreview';
import { assertNever } from '../../shared/result';
import { workerDatabaseName } from '../db/activeDatabase';
import { RegularsDatabase } from '../db/database';
import { createPurchaseRepository } from '../db/purchases';
import { loadPreviewCustomers } from '../db/statusPreview';
import type { StatusWorkerRequest, StatusWorkerResponse } from './statusProtocol';
import { followPageClock, workerClock } from './workerClock';

// The page names the worker after the database it uses (a restore may have moved it).
const db = new RegularsDatabase(workerDatabaseName());
const purchases = createPurchaseRepository(db, { now: workerClock, newId: () => crypto.randomUUID(), dayOf: localDayOf });
let previewCustomers: PreviewCustomer[] | null = null;

const post = (message: StatusWorkerResponse) => (self as unknown as { postMessage: (m: StatusWorkerResponse) => void }).postMessage(message);

async function handle(request: StatusWorkerRequest): Promise<StatusWorkerResponse> {
  const { id } = request;
  const progress = (p: { done: number; total: number }) => post({ id, type: 'progress', done: p.done, total: p.total });
  switch (request.type) {
    case 'recompute':
      // New rules and a new day need the same work: the store-wide caches first, then every customer.
      return { id, type: 'done', ...(await purchases.recomputeAllStatus(progress)) };
    case 'applyReview':
      return { id, type: 'done', ...(await purchases.applyTierReview(progress)) };
    case 'loadPreview':
      previewCustomers = await loadPreviewCustomers(db, localDayOf, (done, total) => progress({ done, total }));
      return { id, type: 'previewReady', customers: previewCustomers.length };
    case 'preview': {
      previewCustomers ??= await loadPreviewCustomers(db, localDayOf);
      // Purchases carry their day already (see loadPreviewCustomers), so the day of a day is itself.
      return { id, type: 'preview', preview: previewGroups(previewCustomers, request.status, localDayOf(workerClock().toISOString()), (day) => day) };
    }
    default:
      return assertNever(request);
  }
}

self.onmessage = (event: MessageEvent<StatusWorkerRequest>) => {
  const request = event.data;
  followPageClock(request);
  handle(request).then(post, (error: unknown) => post({ id: request.id, type: 'failed', message: error instanceof Error ? error.message : String(error) }));
};
