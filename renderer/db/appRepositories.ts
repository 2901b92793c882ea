// The app's everyday repositories over the app's database, with the real clock and UUIDs: what the
// customer list, the shell and the live-query hooks use. None of them loads the writers' pinyin and
// phone metadata or the import, export and demo-store code, so the first screen does not wait for those;
// index.ts adds the rest (the customer writes among them) for the screens that use it.
import { localDayOf } from '../../shared/domain/customerFigures';
import { systemClock } from '../platform/systemClock';
import { database } from './database';
import { createBookkeepingRepository } from './bookkeeping';
import { createCatalogRepository } from './catalog';
import { createConsentRepository } from './consents';
import { createCustomerReads } from './customerList';
import { createInteractionRepository } from './interactions';
import { createReminderRepository } from './reminders';
import { createPinRepository } from './pins';
import { createPointsTimelineReads } from './pointsTimeline';
import { createPurchaseRepository } from './purchases';
import { createSettingsRepository } from './settings';
import { createSurveyRepository } from './surveys';
import { createComplaintReads } from './complaintReads';
import { createTierReviewRepository } from './tierReview';
import { createAuditReader, recordAudit, type AuditEvent } from './audit';

export const repositoryDeps = { now: systemClock, newId: () => crypto.randomUUID() };

/** The customer list's reads (index.ts's `customers` is these with the writes). */
export const customerReads = createCustomerReads(database());
export const settings = createSettingsRepository(database());
export const bookkeeping = createBookkeepingRepository(database());
export const pins = createPinRepository(database());
// Gaps between visits count the clerk's local calendar days.
export const purchases = createPurchaseRepository(database(), { ...repositoryDeps, dayOf: localDayOf });
export const interactions = createInteractionRepository(database(), repositoryDeps);
export const reminders = createReminderRepository(database(), repositoryDeps);
export const catalog = createCatalogRepository(database());
/** The points ledger as the customer's timeline reads it (reads only: the points writes live in index.ts). */
export const pointsTimeline = createPointsTimelineReads(database());
// The tier review: who waits to move down (the worker applies the review; see renderer/workers).
export const tierReview = createTierReviewRepository(database());
// Marketing consent: the customer page's panel grants and withdraws; later marketing lists read who may be contacted.
export const consents = createConsentRepository(database(), repositoryDeps);
/** Satisfaction surveys: the survey asked, answers recorded with each customer's latest, who declined. */
export const surveys = createSurveyRepository(database(), repositoryDeps);
/** A customer's complaints for the timeline (the complaints repository itself is in index.ts). */
export const complaintReads = createComplaintReads(database());
/** The audit trail: entries the page alone knows of (a backup made, an export saved), and the owner's viewer. */
export const auditTrail = {
  record: (event: AuditEvent) => recordAudit(database(), repositoryDeps, event),
  ...createAuditReader(database()),
};
