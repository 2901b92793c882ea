// The app's repositories over the app's database, with the real clock and UUIDs.
import { localDayOf } from '../../shared/domain/customerFigures';
import { database } from './database';
import { createCatalogRepository } from './catalog';
import { createCustomerRepository } from './customers';
import { createInteractionRepository } from './interactions';
import { createPurchaseRepository } from './purchases';
import { createSettingsRepository } from './settings';

const deps = { now: () => new Date(), newId: () => crypto.randomUUID() };

export const customers = createCustomerRepository(database(), deps);
export const settings = createSettingsRepository(database());
// Gaps between visits count the clerk's local calendar days.
export const purchases = createPurchaseRepository(database(), { ...deps, dayOf: localDayOf });
export const interactions = createInteractionRepository(database(), deps);
export const catalog = createCatalogRepository(database());
export { deps as repositoryDeps };
import { createStoreSetup } from './storeSetup';
export const storeSetup = createStoreSetup(database(), deps);
