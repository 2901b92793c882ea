// The survey repository: the owner's survey and its versions, each answer (with the customer's latest on their
// surveyState row, in the same transaction), who declined surveys, and whether a customer may be asked now.
import type { CustomerRecord } from '../../shared/domain/customer';
import {
  currentSurveyOf,
  newSurveyAnswer,
  planSurveySave,
  surveyBand,
  surveyEligibility,
  validateSurveyAnswer,
  type SurveyAnswerDraft,
  type SurveyAnswerErrors,
  type SurveyEligibility,
  type SurveyQuestionsError,
  type SurveySave,
} from '../../shared/domain/survey';
import type { SurveyAnswer, SurveyChannel, SurveyStateRow, SurveyVersion } from '../../shared/domain/surveyRecords';
import { ok, type Result } from '../../shared/result';
import { recordAudit } from './audit';
import { CustomerNotFoundError, type RepositoryDeps } from './customerList';
import type { RegularsDatabase } from './database';
import { answersRange, putCustomerRecords, refreshSurveyDerived, writeTransaction } from './derivation';
import { createSettingsRepository } from './settings';

/** A survey recorded for a customer in the trash: restore them first. */
export class CustomerInTrashError extends Error {
  constructor(id: string) {
    super(`Customer ${id} is in the trash`);
    this.name = 'CustomerInTrashError';
  }
}

export interface AnswerContext {
  channel: SurveyChannel;
  /** The purchase the answer follows, when it does. */
  purchaseId: string | null;
  /**
   * The answer's id when the caller has one already (the customer screen's session): recording it again is a no-op
   * that returns the stored answer, so an answer handed over twice (a reload between recording and saying so) is
   * stored once.
   */
  answerId?: string;
}

/** A customer's survey standing for their page: the latest answer's row (null when none) and whether they declined. */
export interface CustomerSurveyStanding {
  state: SurveyStateRow | null;
  declinedAt: string | null;
}

export function createSurveyRepository(db: RegularsDatabase, deps: RepositoryDeps) {
  const settings = createSettingsRepository(db, deps);

  /** The stored versions' highest, or null when the store never stored one. */
  const storedCurrent = async (): Promise<SurveyVersion | null> => (await db.surveys.orderBy('version').last()) ?? null;

  async function requireCustomer(customerId: string): Promise<CustomerRecord> {
    const record = await db.customers.get(customerId);
    if (!record) throw new CustomerNotFoundError(customerId);
    return record;
  }

  return {
    /** The survey asked now: the highest stored version, or version 1 from the default questions when none is stored. */
    async currentSurvey(): Promise<SurveyVersion> {
      const stored = await storedCurrent();
      return stored ?? currentSurveyOf([], deps.now().toISOString());
    },

    /**
     * Saves the owner's questions (the caller holds the owner's permission, rules.change): a new version only when
     * they ask something else than the current one; version 1 is stored first when it was only the default.
     */
    async saveSurvey(questions: SurveyVersion['questions']): Promise<Result<SurveySave, SurveyQuestionsError>> {
      // The survey's versions are the owner's configuration: written with the settings scope.
      return writeTransaction(db, ['settings'], ['surveys'], async () => {
        const stored = await storedCurrent();
        const now = deps.now();
        const current = stored ?? currentSurveyOf([], now.toISOString());
        const plan = planSurveySave(current, questions, { id: deps.newId(), now });
        if (!plan.ok || plan.value.kind === 'unchanged') return plan;
        if (!stored) await db.surveys.add(current);
        await db.surveys.add(plan.value.version);
        await recordAudit(db, deps, { kind: 'survey.version', customerIds: [], refs: [plan.value.version.id], facts: { version: plan.value.version.version } });
        return plan;
      });
    },

    /**
     * Records a customer's answer to the current survey, checked against its questions (a refusal writes nothing and
     * says why, by field): with the customer's tier then and, for an unhappy answer, its follow-up open and due; the
     * customer's surveyState row is derived again in the same transaction.
     */
    async recordAnswer(customerId: string, draft: SurveyAnswerDraft, context: AnswerContext): Promise<Result<SurveyAnswer, SurveyAnswerErrors>> {
      // With the settings scope too: the first answer stores version 1, which only the defaults held until then.
      return writeTransaction(db, ['survey', 'settings'], ['customers', 'surveys'], async () => {
        if (context.answerId !== undefined) {
          const already = await db.surveyAnswers.get(context.answerId);
          if (already) return ok(already);
        }
        const customer = await requireCustomer(customerId);
        if (customer.isDeleted) throw new CustomerInTrashError(customerId);
        const stored = await storedCurrent();
        const now = deps.now();
        const version = stored ?? currentSurveyOf([], now.toISOString());
        const checked = validateSurveyAnswer(draft, version.questions);
        if (!checked.ok) return checked;
        // Version 1 is stored with its first answer, so every answer names a stored version.
        if (!stored) await db.surveys.add(version);
        const [rules, state] = await Promise.all([settings.read(), db.customerState.get(customerId)]);
        const answer = newSurveyAnswer(checked.value, {
          id: context.answerId ?? deps.newId(),
          customerId,
          survey: version,
          channel: context.channel,
          purchaseId: context.purchaseId,
          tierId: state?.tierId ?? null,
          now,
          settings: rules.surveys,
        });
        await db.surveyAnswers.add(answer);
        await refreshSurveyDerived(db, [answer]);
        await recordAudit(db, deps, {
          kind: 'survey.answer',
          customerIds: [customerId],
          refs: context.purchaseId ? [answer.id, context.purchaseId] : [answer.id],
          facts: { channel: answer.channel, version: answer.surveyVersion, band: surveyBand(answer), followUp: answer.followUpDueAt !== null },
        });
        return ok(answer);
      });
    },

    /** A customer's answers, newest first (at most `limit`). */
    async answersOf(customerId: string, limit?: number): Promise<SurveyAnswer[]> {
      let collection = answersRange(db, customerId).reverse();
      if (limit !== undefined) collection = collection.limit(limit);
      return collection.toArray();
    },

    /** A customer's latest answer's row and whether they declined surveys. */
    async standing(customerId: string): Promise<CustomerSurveyStanding | null> {
      const [record, state] = await Promise.all([db.customers.get(customerId), db.surveyState.get(customerId)]);
      if (!record) return null;
      return { state: state ?? null, declinedAt: record.surveysDeclinedAt ?? null };
    },

    /** Marks that a customer declined surveys (or takes it back), on their record, with an audit entry. */
    async setDeclined(customerId: string, declined: boolean): Promise<void> {
      await writeTransaction(db, ['customer'], [], async () => {
        const record = await requireCustomer(customerId);
        if ((record.surveysDeclinedAt !== undefined) === declined) return;
        const now = deps.now().toISOString();
        const next: CustomerRecord = { ...record, updatedAt: now };
        if (declined) next.surveysDeclinedAt = now;
        else delete next.surveysDeclinedAt;
        await putCustomerRecords(db, [next]);
        await recordAudit(db, deps, { kind: 'survey.declined', customerIds: [customerId], refs: [], facts: { declined } });
      });
    },

    /** Whether the customer may be asked now (the frequency rule, the trash, their refusal); null when there is no such customer. */
    async eligibility(customerId: string, now: Date): Promise<SurveyEligibility | null> {
      const [record, state, rules] = await Promise.all([db.customers.get(customerId), db.surveyState.get(customerId), settings.read()]);
      if (!record) return null;
      return surveyEligibility({ declined: record.surveysDeclinedAt !== undefined, isDeleted: record.isDeleted === 1, lastAnsweredAt: state?.lastAnsweredAt ?? null }, rules.surveys, now);
    },
  };
}

export type SurveyRepository = ReturnType<typeof createSurveyRepository>;
