// Issue 17's satisfaction figures: CSAT, NPS per month and tier and the loop over a year of answers, read as the
// Satisfaction screen reads them (readSurveyFigures: the year's tally rows by month, the open follow-ups not yet due,
// then the last purchase of the customers followed up in time), against the raw read of the same rows. The answers
// are seeded with plain puts first, then the app's derivation tallies their months (untimed): one a customer at
// most every few months, a fifth of them unhappy with a follow-up, most done.
// And the complaints' figures of the same year (complaints.figures: the year's complaints by `receivedAt`, customers
// served as two index counts), over complaints seeded the same way, one for every ten answers.
import { addDays, addHours } from 'date-fns';
import { complaints } from '../../../renderer/db';
import { database } from '../../../renderer/db/database';
import { refreshSurveyTally, writeTransaction } from '../../../renderer/db/derivation';
import { readSurveyFigures } from '../../../renderer/db/surveyFigures';
import { createRng } from '../../../shared/domain/random';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type Complaint } from '../../../shared/domain/complaintRecords';
import { SURVEY_CHOICES, type SurveyAnswer } from '../../../shared/domain/surveyRecords';
import { customersToCheck, surveyMonthOf, surveyPeriod, type SurveyTallyRow } from '../../../shared/domain/surveyScores';
import type { PairedSample, SurveySeed } from '../protocol';
import { appDatabase, committed, done, getMany } from './idb';
import { paired } from './timing';

const SEED_CHUNK = 10_000;
/** The figures screen's longest period. */
const MONTHS = 12;

/** `count` answers over every customer, dated over the last year; seeded behind the app. */
export async function seedSurveyAnswers(count: number, nowMs: number): Promise<SurveySeed> {
  const start = performance.now();
  const ids = (await database().customers.toCollection().primaryKeys()) as string[];
  const rng = createRng(20261205);
  const random = () => rng.next();
  const db = await appDatabase();
  const now = new Date(nowMs);
  const tiers = ['tier-a', 'tier-b', 'tier-c', null];
  let followUps = 0;
  const months = new Set<string>();
  for (let written = 0; written < count; written += SEED_CHUNK) {
    const tx = db.transaction('surveyAnswers', 'readwrite');
    const store = tx.objectStore('surveyAnswers');
    for (let i = written; i < Math.min(count, written + SEED_CHUNK); i++) {
      const answeredAt = addHours(addDays(now, -Math.floor(random() * 365)), -Math.floor(random() * 10));
      const nps = random() < 0.9 ? Math.floor(random() * 11) : null;
      const csat = random() < 0.9 ? 1 + Math.floor(random() * 5) : null;
      // About a fifth unhappy (detractors are most of them, as in a store's real answers).
      const unhappy = (nps !== null && nps <= 6 && random() < 0.25) || (csat !== null && csat <= 2 && random() < 0.25);
      const due = unhappy ? addHours(answeredAt, 48) : null;
      const doneAt = due && due < now && random() < 0.8 ? addHours(answeredAt, Math.floor(random() * 60)) : null;
      if (due) followUps += 1;
      const at = answeredAt.toISOString();
      const answer: SurveyAnswer = {
        id: crypto.randomUUID(),
        customerId: ids[Math.floor(random() * ids.length)]!,
        surveyId: '5e1f0c1a-0000-4000-8000-000000000001',
        surveyVersion: 1,
        answeredAt: at,
        channel: 'counter',
        purchaseId: null,
        tierId: tiers[Math.floor(random() * tiers.length)]!,
        csat,
        nps,
        choices: random() < 0.3 ? [SURVEY_CHOICES[Math.floor(random() * SURVEY_CHOICES.length)]!] : [],
        why: random() < 0.2 ? '等了太久' : '',
        followUpDueAt: due ? due.toISOString() : null,
        followUpDoneAt: doneAt ? doneAt.toISOString() : null,
        complaintId: null,
        createdAt: at,
        updatedAt: at,
      };
      if (due && !doneAt) answer.followUpOpen = due.toISOString();
      months.add(surveyMonthOf(at));
      store.put(answer);
    }
    await committed(tx);
  }
  // What the app derives from them, a month at a time as a write would.
  const app = database();
  for (const month of months) await writeTransaction(app, ['survey'], [], () => refreshSurveyTally(app, [month]));
  // One complaint for every ten answers, most of them closed within their time.
  const complaintCount = Math.round(count / 10);
  const tx = db.transaction('complaints', 'readwrite');
  const store = tx.objectStore('complaints');
  for (let i = 0; i < complaintCount; i++) {
    const received = addHours(addDays(now, -Math.floor(random() * 365)), -Math.floor(random() * 10));
    const due = addHours(received, 72);
    const open = random() < 0.1;
    const resolved = open ? null : addHours(received, Math.floor(random() * 96));
    const at = received.toISOString();
    const complaint: Complaint = {
      id: crypto.randomUUID(),
      customerId: ids[Math.floor(random() * ids.length)]!,
      purchaseId: null,
      surveyAnswerId: null,
      category: COMPLAINT_CATEGORIES[Math.floor(random() * COMPLAINT_CATEGORIES.length)]!,
      severity: COMPLAINT_SEVERITIES[Math.floor(random() * COMPLAINT_SEVERITIES.length)]!,
      said: '等了太久',
      receivedBy: '小李',
      receivedAt: at,
      dueAt: due.toISOString(),
      state: open ? 'received' : 'closed',
      steps: [{ from: null, to: 'received', at, by: '小李', note: '' }],
      resolution: open ? '' : '道歉并补偿',
      compensation: { points: 0, rewardId: null, refundFen: 0, pointsEntryId: null },
      handlingSatisfied: open ? null : random() < 0.8,
      resolvedAt: resolved ? resolved.toISOString() : null,
      closedAt: resolved ? resolved.toISOString() : null,
      createdAt: at,
      updatedAt: at,
    };
    if (open) complaint.openDue = complaint.dueAt;
    store.put(complaint);
  }
  await committed(tx);
  return { ms: performance.now() - start, answers: count, customers: ids.length, followUps, complaints: complaintCount };
}

/** The year's figures `passes` times (the first cold), each paired with the raw reads of the same rows. */
export async function surveyFiguresRuns(passes: number): Promise<PairedSample[]> {
  const samples: PairedSample[] = [];
  for (let p = 0; p < passes; p++) {
    samples.push(
      await paired(
        p,
        'satisfaction: figures of a year',
        p === 0 ? 'first' : 'again',
        async () => {
          const figures = await readSurveyFigures(database(), new Date(), MONTHS);
          return { hits: figures.total.csat.answers + figures.total.nps.answers };
        },
        async () => {
          const now = new Date();
          const period = surveyPeriod(now, MONTHS);
          const idb = await appDatabase();
          const tx = idb.transaction(['surveyTally', 'surveyAnswers', 'customerState'], 'readonly');
          const rows = (await done(tx.objectStore('surveyTally').index('month').getAll(IDBKeyRange.bound(period.months[0]!.month, period.months[MONTHS - 1]!.month)))) as SurveyTallyRow[];
          await done(tx.objectStore('surveyAnswers').index('followUpOpen').getAll(IDBKeyRange.lowerBound(now.toISOString())));
          await getMany(tx.objectStore('customerState'), customersToCheck(rows));
        },
      ),
    );
  }
  for (let p = 0; p < passes; p++) {
    samples.push(
      await paired(
        p,
        'satisfaction: complaint figures of a year',
        p === 0 ? 'first' : 'again',
        async () => {
          const figures = await complaints.figures(365);
          return { hits: figures.received };
        },
        async () => {
          const idb = await appDatabase();
          const tx = idb.transaction(['complaints', 'customerState'], 'readonly');
          const from = new Date(Date.now() - 365 * 86_400_000).toISOString();
          await done(tx.objectStore('complaints').index('receivedAt').getAll(IDBKeyRange.lowerBound(from)));
          const served = tx.objectStore('customerState').index('[isDeleted+lastPurchaseSort]');
          await done(served.count(IDBKeyRange.bound([0, from], [0, '\uffff'])));
          await done(served.count(IDBKeyRange.bound([1, from], [1, '\uffff'])));
        },
      ),
    );
  }
  return samples;
}
