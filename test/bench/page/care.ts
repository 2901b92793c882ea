// Issue 16's care figures: what is due today and the next six days, computed as the app computes it (the care
// worker's compute(6), a real module worker started by careWorker()), while this page's main thread is watched.
// Raw: the same index reads done plainly (birthdays by key, call-backs as index keys per tier, follow-ups by day
// with their customers' state rows, points by expiry, the marks), nothing computed. And the reads and the rules
// apart on this page, by source, to show where the time goes.
import { careWorker } from '../../../renderer/features/care/careClient';
import { activeDatabaseName } from '../../../renderer/db/database';
import { systemClock } from '../../../renderer/platform/systemClock';
import { careContract } from '../../../renderer/workers/careProtocol';
import { createWorkerClient } from '../../../renderer/workers/rpc';
import { settings } from '../../../renderer/db';
import { dueOn, readCadenceDue, readCareInputs } from '../../../renderer/db/careDue';
import { database } from '../../../renderer/db/database';
import { recomputeAllContacts } from '../../../renderer/db/derivation/care';
import { birthdayIndexKeysFor, birthdayReminders, birthdayWindow } from '../../../shared/domain/reminderSources/birthday';
import { cadenceReminder, cadenceTouchDays } from '../../../shared/domain/reminderSources/cadence';
import { dateOfDay, dayOfDate, shiftDay } from '../../../shared/domain/reminderSources/days';
import { festivalReminders } from '../../../shared/domain/reminderSources/festival';
import { followUpOldestDay, followUpReminders } from '../../../shared/domain/reminderSources/followUp';
import { POINTS_EXPIRY_HORIZON_DAYS, pointsReminders } from '../../../shared/domain/reminderSources/points';
import { statusGroups } from '../../../shared/domain/statusGroups';
import type { CareBreakdown, CarePass, CareRun, CareSetup } from '../protocol';
import { appDatabase, done } from './idb';
import { longTasksBetween, settle } from './longTasks';
import { paired } from './timing';

/** The app's horizon (features/care: today and the next six days). */
const HORIZON_DAYS = 6;

/**
 * Setup, untimed as a figure: the seeded contacts were put behind the app, so the contact cache on the state rows
 * is derived once (recomputeAllContacts, as the repair does); then what the store holds for the care pass.
 */
export async function prepareCare(): Promise<CareSetup> {
  const db = database();
  const start = performance.now();
  const contacts = await recomputeAllContacts(db);
  const contactsMs = performance.now() - start;
  const today = dayOfDate(new Date());
  const [solarBirthdays, lunarBirthdays, openFollowUps, followUpsAhead, pointsRows, customers] = await Promise.all([
    db.customers.where('birthdayKey').startsWith('S-').count(),
    db.customers.where('birthdayKey').startsWith('L-').count(),
    db.interactions.where('followUpOpen').aboveOrEqual('').count(),
    db.interactions.where('followUpOpen').between(today, shiftDay(today, HORIZON_DAYS), true, true).count(),
    db.pointsState.where('pointsNextExpiryAt').aboveOrEqual('').count(),
    db.customers.count(),
  ]);
  return { contactsMs, contactsChanged: contacts.changed, customers, solarBirthdays, lunarBirthdays, openFollowUps, followUpsAhead, pointsRows };
}

/** The same reads as readCareInputs, plainly; each source timed as it ends (they run one after the other). */
async function rawCareReads(): Promise<{ records: number; sources: Record<string, number> }> {
  const store = await settings.read();
  const care = store.care;
  const today = dayOfDate(new Date());
  const lastDay = shiftDay(today, HORIZON_DAYS);
  const idb = await appDatabase();
  const tx = idb.transaction(['customers', 'customerState', 'interactions', 'pointsState', 'reminderMarks'], 'readonly');
  const sources: Record<string, number> = {};
  let records = 0;
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    sources[name] = now - mark;
    mark = now;
  };

  const keys = birthdayIndexKeysFor(birthdayWindow(today, care).from, birthdayWindow(lastDay, care).to);
  const byKey = tx.objectStore('customers').index('birthdayKey');
  const birthdays = (await Promise.all(keys.map((k) => done(byKey.getAll(k))))).flat() as { isDeleted: number }[];
  records += birthdays.filter((c) => c.isDeleted === 0).length;
  lap('birthdays');

  // A batch of keys per local day of last touch, as the app reads them (a cursor step per customer was slower).
  const index = tx.objectStore('customerState').index('[isDeleted+tierId+lastTouchSort]');
  const perDay: Promise<unknown[]>[] = [];
  for (const group of statusGroups(store.status)) {
    const days = group.benefits.contactCadenceDays;
    if (!(days > 0)) continue;
    for (const touched of cadenceTouchDays(today, lastDay, days)) {
      perDay.push(done(index.getAllKeys(IDBKeyRange.bound([0, group.id, touched.from], [0, group.id, touched.to], false, true))) as Promise<unknown[]>);
    }
  }
  records += (await Promise.all(perDay)).reduce((n, ids) => n + ids.length, 0);
  lap('cadence');

  const open = (await done(tx.objectStore('interactions').index('followUpOpen').getAll(IDBKeyRange.bound(followUpOldestDay(today), shiftDay(lastDay, care.daysBefore.followUp))))) as {
    customerId: string;
  }[];
  const stateStore = tx.objectStore('customerState');
  await Promise.all([...new Set(open.map((i) => i.customerId))].map((id) => done(stateStore.get(id))));
  records += open.length;
  lap('followUps');

  const pointsBound = dateOfDay(shiftDay(lastDay, POINTS_EXPIRY_HORIZON_DAYS + 1)).toISOString();
  records += ((await done(tx.objectStore('pointsState').index('pointsNextExpiryAt').getAll(IDBKeyRange.upperBound(pointsBound, true)))) as unknown[]).length;
  lap('points');

  records += ((await done(tx.objectStore('reminderMarks').getAll())) as unknown[]).length;
  lap('marks');
  return { records, sources };
}

/**
 * `passes` calls of careWorker().compute(6), the first one starting the worker (cold), each paired with the raw
 * reads (taking turns going first). The long tasks are those that overlap the app's calls only: the raw reads run
 * on this page's thread and are not the app's.
 */
export async function careDue(passes: number): Promise<CareRun> {
  const windows: { start: number; end: number }[] = [];
  const out: CarePass[] = [];
  let summary: Awaited<ReturnType<ReturnType<typeof careWorker>['compute']>> | null = null;
  const rawSources: Record<string, number>[] = [];
  for (let i = 0; i < passes; i++) {
    let window: { start: number; end: number } | null = null;
    const sample = await paired(
      i,
      'care: what is due',
      i === 0 ? 'compute(6), cold' : 'compute(6)',
      async () => {
        const start = performance.now();
        summary = await careWorker().compute(HORIZON_DAYS);
        window = { start, end: performance.now() };
        return { hits: summary.total };
      },
      async () => rawSources.push((await rawCareReads()).sources),
    );
    windows.push(window!);
    out.push({ sample, cold: i === 0 });
  }
  await settle();
  const fresh = await freshWorker();
  const perCall = windows.map((w) => longTasksBetween(w.start, w.end));
  const s = summary as Awaited<ReturnType<ReturnType<typeof careWorker>['compute']>> | null;
  if (!s) throw new Error('no care pass ran');
  const meanOf = (name: string) => rawSources.reduce((sum, r) => sum + (r[name] ?? 0), 0) / Math.max(1, rawSources.length);
  return {
    passes: out,
    longTasks: {
      count: perCall.reduce((n, t) => n + t.count, 0),
      longestMs: Math.max(0, ...perCall.map((t) => t.longestMs)),
      blockingMs: perCall.reduce((n, t) => n + t.blockingMs, 0),
    },
    today: s.today,
    total: s.total,
    byKind: { ...s.byKind },
    byTiming: { ...s.byTiming },
    horizonCounts: s.days.map((d) => d.count),
    fresh,
    rawSources: Object.fromEntries(Object.keys(rawSources[0] ?? {}).map((k) => [k, meanOf(k)])),
  };
}

/**
 * What the cold call holds, from a second care worker started like the app's (after the timed calls, so the
 * store's pages are warm): its start (module loaded, evaluated, a first answer: 'not-computed'), then its first
 * compute (the database opened, every rule's code run for the first time), then a second one.
 */
async function freshWorker(): Promise<CareRun['fresh']> {
  const start = performance.now();
  const worker = new Worker(new URL('../../../renderer/workers/care.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() });
  const rpc = createWorkerClient(careContract, worker, { clock: systemClock });
  try {
    const answer = await rpc.call('page', { kind: null, offset: 0, limit: 1 });
    if (answer.ok || answer.reason !== 'not-computed') throw new Error(`a fresh care worker answered ${JSON.stringify(answer)}`);
    const started = performance.now();
    const first = await rpc.call('compute', { horizonDays: HORIZON_DAYS });
    const computed = performance.now();
    const second = await rpc.call('compute', { horizonDays: HORIZON_DAYS });
    if (!first.ok || !second.ok) throw new Error('a fresh care worker failed to compute');
    return { startMs: started - start, firstComputeMs: computed - started, secondComputeMs: performance.now() - computed };
  } finally {
    rpc.close();
  }
}

/**
 * Where a pass spends its time, on this page (not the worker): readCareInputs as one transaction, each source's
 * read apart (the same Dexie calls), then the rules of every day of the horizon by source. Best of `repeats`.
 */
export async function careBreakdown(repeats: number): Promise<CareBreakdown> {
  const db = database();
  const store = await settings.read();
  const care = store.care;
  const now = new Date();
  const today = dayOfDate(now);
  const lastDay = shiftDay(today, HORIZON_DAYS);
  const best: Record<string, number> = {};
  const keep = (name: string, ms: number) => {
    best[name] = Math.min(best[name] ?? Infinity, ms);
  };
  let sizes: Record<string, number> = {};
  for (let r = 0; r < repeats; r++) {
    let t = performance.now();
    const inputs = await readCareInputs(db, today, HORIZON_DAYS, store);
    keep('read: all (one transaction)', performance.now() - t);
    sizes = { birthdays: inputs.birthdays.length, cadence: inputs.cadence.length, followUps: inputs.followUps.length, points: inputs.points.length, marks: inputs.marks.size };

    t = performance.now();
    await db.customers.where('birthdayKey').anyOf(birthdayIndexKeysFor(birthdayWindow(today, care).from, birthdayWindow(lastDay, care).to)).toArray();
    keep('read: birthdays', performance.now() - t);
    t = performance.now();
    await readCadenceDue(db, today, lastDay, store.status);
    keep('read: cadence', performance.now() - t);
    t = performance.now();
    const rows = await db.interactions.where('followUpOpen').between(followUpOldestDay(today), shiftDay(lastDay, care.daysBefore.followUp), true, true).toArray();
    await db.customerState.bulkGet([...new Set(rows.map((i) => i.customerId))]);
    keep('read: follow-ups', performance.now() - t);
    t = performance.now();
    await db.pointsState.where('pointsNextExpiryAt').below(dateOfDay(shiftDay(lastDay, POINTS_EXPIRY_HORIZON_DAYS + 1)).toISOString()).toArray();
    keep('read: points', performance.now() - t);
    t = performance.now();
    await db.reminderMarks.toArray();
    keep('read: marks', performance.now() - t);

    // The rules, every day of the horizon, as the worker runs them (dueOn), then by source.
    const days = Array.from({ length: HORIZON_DAYS + 1 }, (_, i) => shiftDay(today, i));
    t = performance.now();
    for (const day of days) dueOn(inputs, day, care, now);
    keep('rules: all (dueOn × 7)', performance.now() - t);
    t = performance.now();
    for (const day of days) birthdayReminders(inputs.birthdays, day, care);
    keep('rules: birthdays', performance.now() - t);
    t = performance.now();
    for (const day of days) festivalReminders(day, care);
    keep('rules: festivals', performance.now() - t);
    t = performance.now();
    for (const day of days) for (const c of inputs.cadence) cadenceReminder({ ...c, today: day }, care);
    keep('rules: cadence', performance.now() - t);
    t = performance.now();
    for (const day of days) followUpReminders(inputs.followUps, day, care);
    keep('rules: follow-ups', performance.now() - t);
    t = performance.now();
    for (const day of days) pointsReminders(inputs.points, day, care);
    keep('rules: points', performance.now() - t);
  }
  return { steps: best, sizes };
}
