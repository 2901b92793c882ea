// The status worker: full recomputations (the daily rollover's points expiry and birthday gifts with them), the tier review and the rules preview, off the UI thread.
// It opens the same IndexedDB database as the page; Dexie tells the page's live queries what changed.
import { localDayOf } from '../../shared/domain/customerFigures';
import { previewGroups, type PreviewCustomer } from '../../shared/domain/statusPreview';
import { workerDatabaseName } from '../db/activeDatabase';
import { RegularsDatabase } from '../db/database';
import { createDerivation } from '../db/derivation';
import { createPointsRepository } from '../db/points';
import { loadPreviewCustomers } from '../db/statusPreview';
import { serve } from './rpc';
import { statusContract } from './statusProtocol';
import { workerClock } from './workerClock';

// The page names the worker after the database it uses (a restore may have moved it).
const db = new RegularsDatabase(workerDatabaseName());
const deps = { now: workerClock, newId: () => crypto.randomUUID() };
const derivation = createDerivation(db, { ...deps, dayOf: localDayOf, elapsed: () => performance.now() });
const points = createPointsRepository(db, deps);
let previewCustomers: PreviewCustomer[] | null = null;

serve(
  statusContract,
  {
    // New rules and a new day need the same work: the store-wide caches first, then every customer.
    // Both write the day's points expiry first (once per batch, however often asked): a rules recomputation
    // stands for the day's rollover (it is not run again that day), and the day is marked done only after.
    recompute: async (_request, { progress }) => {
      await points.rolloverExpiries();
      // The day's birthday gifts, once per birthday however often this runs (the rule names the birthday).
      await points.birthdayGifts();
      const { customers, changed, storeWide } = await derivation.recomputeAllStatus(progress);
      return storeWide ? { customers, changed, storeWide } : { customers, changed };
    },
    applyReview: async (_request, { progress }) => {
      const { customers, changed } = await derivation.applyTierReview(progress);
      return { customers, changed };
    },
    loadPreview: async (_request, { progress }) => {
      previewCustomers = await loadPreviewCustomers(db, localDayOf, (done, total) => progress({ done, total }));
      return previewCustomers.length;
    },
    preview: async ({ status }) => {
      previewCustomers ??= await loadPreviewCustomers(db, localDayOf);
      // Purchases carry their day already (see loadPreviewCustomers), so the day of a day is itself.
      return previewGroups(previewCustomers, status, localDayOf(workerClock().toISOString()), (day) => day);
    },
  },
  { failure: () => 'failed' },
);
