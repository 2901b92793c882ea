// The app's repositories over the app's database, with the real clock and UUIDs.
import { database } from './database';
import { createCustomerRepository } from './customers';
import { createSettingsRepository } from './settings';

const deps = { now: () => new Date(), newId: () => crypto.randomUUID() };

export const customers = createCustomerRepository(database(), deps);
export const settings = createSettingsRepository(database());
export { deps as repositoryDeps };
import { createStoreSetup } from './storeSetup';
export const storeSetup = createStoreSetup(database(), deps);
