// The status worker's declaration (served by status.worker.ts, asked by features/recompute/statusClient.ts):
// full recomputation, the tier review and the rules preview.
import type { StatusSettings } from '../../shared/domain/customerStatus';
import type { GroupPreview } from '../../shared/domain/statusPreview';
import type { StoreWidePass } from '../db/derivation/engine';
import { declareWorker, method } from './rpc';

/** Why a full recomputation runs: the owner saved new rules, or a new day began. */
export type RecomputeReason = 'rules' | 'rollover';

export interface JobResult {
  customers: number;
  changed: number;
  /** A recomputation's store-wide pass: the churn model's fit (customers read, ms in this worker). */
  storeWide?: StoreWidePass;
}

/** Customers done so far, of `total`. */
export interface JobProgress {
  done: number;
  total: number;
}

export const statusContract = declareWorker({
  name: 'status',
  methods: {
    recompute: method<{ reason: RecomputeReason }, JobResult, JobProgress>(),
    applyReview: method<undefined, JobResult, JobProgress>(),
    /** Reads the store for previews and answers how many customers it read. Call again to read fresh data. */
    loadPreview: method<undefined, number, JobProgress>(),
    preview: method<{ status: StatusSettings }, GroupPreview>(),
  },
  failures: ['failed'],
});
