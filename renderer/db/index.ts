// The app's repositories over the app's database, with the real clock and UUIDs.
import { localDayOf } from '../../shared/domain/customerFigures';
import { systemClock } from '../platform/systemClock';
import { database } from './database';
import { createCatalogRepository } from './catalog';
import { createCustomerRepository } from './customers';
import { createInteractionRepository } from './interactions';
import { createPurchaseRepository } from './purchases';
import { createSettingsRepository } from './settings';
import { createBookkeepingRepository } from './bookkeeping';
import { createPinRepository } from './pins';
import { createExportReader } from './exportData';
import { mergeCustomers, readDuplicateCandidates, type ReadProgress } from './merge';

const deps = { now: systemClock, newId: () => crypto.randomUUID() };

export const customers = createCustomerRepository(database(), deps);
export const settings = createSettingsRepository(database());
export const bookkeeping = createBookkeepingRepository(database());
export const pins = createPinRepository(database());
// Gaps between visits count the clerk's local calendar days.
export const purchases = createPurchaseRepository(database(), { ...deps, dayOf: localDayOf });
export const interactions = createInteractionRepository(database(), deps);
export const catalog = createCatalogRepository(database());
export { deps as repositoryDeps };
import { createStoreSetup } from './storeSetup';
export const storeSetup = createStoreSetup(database(), deps);
// Exports and merges: explicit owner actions (see exportData.ts, merge.ts).
export const exportData = createExportReader(database());
export const customerMerge = mergeCustomers(database(), { ...deps, dayOf: localDayOf });
export const duplicateCandidates = (onProgress?: (p: ReadProgress) => void) => readDuplicateCandidates(database(), onProgress);
// Imports: the worker writes them (renderer/workers); the page lists and undoes them.
import { createImportRepository } from './imports';
export const imports = createImportRepository(database(), { ...deps, dayOf: localDayOf });
// The tier review: who waits to move down (the worker applies the review; see renderer/workers).
import { createTierReviewRepository } from './tierReview';
export const tierReview = createTierReviewRepository(database());
