// The app's repositories over the app's database, with the real clock and UUIDs: the everyday ones
// (appRepositories.ts, which the first screen loads alone) and the customer writes, store set-up,
// exports, merges and imports.
import { localDayOf } from '../../shared/domain/customerFigures';
import { database } from './database';
import { customerReads, repositoryDeps as deps } from './appRepositories';
import { createCustomerWrites } from './customers';
import { createStoreSetup } from './storeSetup';
import { createExportReader } from './exportData';
import { mergeCustomers, readDuplicateCandidates, type ReadProgress } from './merge';
import { createImportRepository } from './imports';
import { createErasure } from './erasure';
import { createPointsRepository } from './points';
import { createComplaintRepository } from './complaints';
import { createCampaignRepository } from './campaigns';
import { createSavedSegmentRepository } from './savedSegments';

export { auditTrail, bookkeeping, catalog, consents, interactions, pins, purchases, reminders, repositoryDeps, settings, surveys, tierReview } from './appRepositories';

/** The customer repository: the list's reads (one kept list order for the app) with the writes. */
export const customers = { ...customerReads, ...createCustomerWrites(database(), deps) };
export const storeSetup = createStoreSetup(database(), deps);
// Exports and merges: explicit owner actions (see exportData.ts, merge.ts).
export const exportData = createExportReader(database());
export const customerMerge = mergeCustomers(database(), { ...deps, dayOf: localDayOf });
export const duplicateCandidates = (onProgress?: (p: ReadProgress) => void) => readDuplicateCandidates(database(), onProgress);
// Imports: the worker writes them (renderer/workers); the page lists and undoes them.
export const imports = createImportRepository(database(), { ...deps, dayOf: localDayOf });
// Erasing a customer on request (owner): every table, one transaction; the register restores apply again.
export const erasure = createErasure(database(), deps);
// Loyalty points: a customer's points and history, the owner's adjustments, rules and rewards, the rollover's expiry.
export const points = createPointsRepository(database(), deps);
/** Complaints; due times count days in the page's own time zone, the store's. */
export const complaints = createComplaintRepository(database(), { ...deps, timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone });
// Campaigns: the control group is drawn with the system's secure random numbers.
export const campaigns = createCampaignRepository(database(), { ...deps, random: () => crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32 });
// Saved segments: the owner's segments kept by name for the segment builder.
export const savedSegments = createSavedSegmentRepository(database(), deps);
