// Messages between the page and the status worker (full recomputation, the tier review, the rules preview).
import type { StatusSettings } from '../../shared/domain/customerStatus';
import type { GroupPreview } from '../../shared/domain/statusPreview';
import type { PageTime } from './workerClock';

/** Why a full recomputation runs: the owner saved new rules, or a new day began. */
export type RecomputeReason = 'rules' | 'rollover';

/** Each request carries the page's time (workerClock.ts). */
export type StatusWorkerRequest = PageTime &
  (
    | { id: number; type: 'recompute'; reason: RecomputeReason }
    | { id: number; type: 'applyReview' }
    /** Reads the store for previews; answered with 'previewReady'. Call again to read fresh data. */
    | { id: number; type: 'loadPreview' }
    | { id: number; type: 'preview'; status: StatusSettings }
  );

export type StatusWorkerResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; customers: number; changed: number }
  | { id: number; type: 'previewReady'; customers: number }
  | { id: number; type: 'preview'; preview: GroupPreview }
  | { id: number; type: 'failed'; message: string };
