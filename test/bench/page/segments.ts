// Issue 18's segment builder: every active customer's segment facts read as the builder reads them when it opens
// (first, cold; then again), and the count of several segments built one condition at a time as an owner builds them
// (a chip at a time, a number a digit at a time), each step counted as the builder counts it, while the page's main
// thread is watched. Raw: the same rows read plainly; a count's floor: one plain pass over as many rows.
// Consent is seeded first (the customers file has no consent column): plain puts of consentState rows, untimed.
import { database } from '../../../renderer/db/database';
import { readSegmentFacts, readSegmentFactsOf } from '../../../renderer/db/segmentFacts';
import { settings } from '../../../renderer/db';
import { CONSENT_CHANNELS, grantedChannels, type ConsentChannel, type ConsentStateRow, type CurrentConsent } from '../../../shared/domain/consent';
import { segmentMembers, type SegmentCondition, type SegmentFacts } from '../../../shared/domain/campaigns/segment';
import { createRng } from '../../../shared/domain/random';
import { statusGroups } from '../../../shared/domain/statusGroups';
import type { PairedSample, SegmentsRun, SetupStep } from '../protocol';
import { appDatabase, committed, done } from './idb';
import { longTasksBetween, settle } from './longTasks';
import { paired } from './timing';

const SEED_CHUNK = 10_000;
/** The raw read's rows per request, as the app's chunks (renderer/db/segmentFacts.ts). */
const RAW_CHUNK = 500;

/** Consent as the demo store draws it: each channel asked 6 times in 10, granted 7 times in 10 of those. */
export async function seedConsent(nowMs: number): Promise<SetupStep> {
  const start = performance.now();
  const ids = (await database().customers.toCollection().primaryKeys()) as string[];
  const rng = createRng(20261205);
  const at = new Date(nowMs).toISOString();
  const idb = await appDatabase();
  let written = 0;
  for (let i = 0; i < ids.length; i += SEED_CHUNK) {
    const tx = idb.transaction('consentState', 'readwrite');
    const store = tx.objectStore('consentState');
    for (const id of ids.slice(i, i + SEED_CHUNK)) {
      const channels: CurrentConsent = {};
      for (const channel of CONSENT_CHANNELS) {
        if (rng.next() < 0.6) channels[channel] = { state: rng.next() < 0.7 ? 'granted' : 'declined', at, source: 'import' };
      }
      if (Object.keys(channels).length === 0) continue;
      store.put({ id, channels, granted: grantedChannels(channels) } satisfies ConsentStateRow);
      written++;
    }
    await committed(tx);
  }
  return { ms: performance.now() - start, records: written };
}

/** The same rows plainly: the consent index's keys per channel, then customerState, customers and pointsState a chunk at a time. */
async function rawRead(): Promise<number> {
  const idb = await appDatabase();
  const tx = idb.transaction(['consentState', 'customerState', 'customers', 'pointsState'], 'readonly');
  for (const channel of CONSENT_CHANNELS) await done(tx.objectStore('consentState').index('granted').getAllKeys(IDBKeyRange.only(channel)));
  let rows = 0;
  let after: IDBValidKey | null = null;
  for (;;) {
    const states = (await done(tx.objectStore('customerState').getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), RAW_CHUNK))) as { id: string }[];
    if (states.length === 0) return rows;
    const ids = states.map((s) => s.id);
    const range = IDBKeyRange.bound(ids[0]!, ids[ids.length - 1]!);
    await Promise.all([done(tx.objectStore('customers').getAll(range)), done(tx.objectStore('pointsState').getAll(range))]);
    rows += states.length;
    after = ids[ids.length - 1]!;
  }
}

interface Step {
  label: string;
  conditions: SegmentCondition[];
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Builds a segment step by step: each change the owner makes is a step, counted. */
function builder(name: string, start: SegmentCondition[]) {
  const steps: Step[] = [{ label: `${name}: as the form opens`, conditions: start }];
  let current = start;
  return {
    steps,
    set(label: string, conditions: SegmentCondition[]) {
      current = conditions;
      steps.push({ label: `${name}: ${label}`, conditions });
    },
    /** The last condition replaced. */
    edit(label: string, condition: SegmentCondition) {
      this.set(label, [...current.slice(0, -1), condition]);
    },
    add(label: string, condition: SegmentCondition) {
      this.set(label, [...current, condition]);
    },
  };
}

/** What an owner builds: drifting regulars, big spenders to win back, this month's birthdays; chips a click at a time, numbers a digit at a time. */
async function segmentsToBuild(month: number): Promise<Step[]> {
  const store = await settings.read();
  const tiers = statusGroups(store.status).map((g) => g.id).reverse();
  const tags = ((await database().customers.orderBy('tags').uniqueKeys()) as string[]).slice(0, 2);
  const opening: SegmentCondition = { kind: 'last-visit', minDays: 60, maxDays: null, includeNever: false };
  const sms: ConsentChannel = 'sms';

  const drifting = builder('drifting regulars', [opening]);
  drifting.add('+ tier (none chosen)', { kind: 'tier', tierIds: [] });
  drifting.edit('tier: the top one', { kind: 'tier', tierIds: tiers.slice(0, 1) });
  drifting.edit('tier: and the next', { kind: 'tier', tierIds: tiers.slice(0, 2) });
  drifting.add('+ stage (none chosen)', { kind: 'stage', stages: [] });
  drifting.edit('stage: at risk', { kind: 'stage', stages: ['at-risk'] });
  drifting.edit('stage: and churned', { kind: 'stage', stages: ['at-risk', 'churned'] });
  drifting.add('+ churn risk (watch, high)', { kind: 'churn', levels: ['watch', 'high'] });
  drifting.edit('churn risk: high only', { kind: 'churn', levels: ['high'] });
  drifting.add('+ consent (sms)', { kind: 'consent', channel: sms });

  const spenders = builder('big spenders to win back', [opening]);
  for (const typed of ['9', '90']) spenders.edit(`last visit from "${typed}" days`, { kind: 'last-visit', minDays: Number(typed), maxDays: null, includeNever: false });
  for (const typed of ['3', '36', '365']) spenders.edit(`…to "${typed}" days`, { kind: 'last-visit', minDays: 90, maxDays: Number(typed), includeNever: false });
  spenders.add('+ total spent (empty)', { kind: 'total-spent', minFen: null, maxFen: null });
  for (const typed of ['1', '10', '100', '1000']) spenders.edit(`total spent from "${typed}" yuan`, { kind: 'total-spent', minFen: Number(typed) * 100, maxFen: null });
  spenders.add('+ consent (wechat)', { kind: 'consent', channel: 'wechat' });

  const birthdays = builder('birthdays this month', [opening]);
  birthdays.set('the opening condition removed', []);
  birthdays.add('+ birthday month (none chosen)', { kind: 'birthday-month', months: [] });
  birthdays.edit('birthday month: this month', { kind: 'birthday-month', months: [month] });
  birthdays.edit('birthday month: and the next', { kind: 'birthday-month', months: [month, (month % 12) + 1] });
  birthdays.add('+ tags (none chosen)', { kind: 'tags', tags: [], match: 'any' });
  birthdays.edit('tags: one', { kind: 'tags', tags: tags.slice(0, 1), match: 'any' });
  birthdays.edit('tags: any of two', { kind: 'tags', tags: tags.slice(0, 2), match: 'any' });
  birthdays.edit('tags: all of two', { kind: 'tags', tags: tags.slice(0, 2), match: 'all' });
  birthdays.add('+ consent (sms)', { kind: 'consent', channel: sms });

  return [...drifting.steps, ...spenders.steps, ...birthdays.steps];
}

/**
 * The facts read twice (first cold), each paired with the raw read; then every step of the segments counted `passes`
 * times, each paired with a plain pass over as many rows.
 */
export async function segmentRuns(passes: number): Promise<SegmentsRun> {
  const now = new Date();
  const steps = await segmentsToBuild(now.getMonth() + 1);
  const reads: PairedSample[] = [];
  const readWindows: { start: number; end: number }[] = [];
  let rawRows = 0;
  let total = 0;
  let facts: SegmentFacts[] = [];
  for (let p = 0; p < 2; p++) {
    let window: { start: number; end: number } | null = null;
    reads.push(
      await paired(
        p,
        'segments: facts read',
        p === 0 ? 'every customer, first (cold)' : 'every customer, again',
        async () => {
          const start = performance.now();
          facts = await readSegmentFacts(database());
          total = facts.length;
          window = { start, end: performance.now() };
          return { hits: total };
        },
        async () => {
          rawRows = await rawRead();
        },
      ),
    );
    readWindows.push(window!);
  }
  // A campaign's start reads its members again in its transaction (renderer/db/campaigns.ts): the worst case, a
  // campaign of the whole store, against the same rows read plainly.
  reads.push(
    await paired(
      2,
      'segments: members read again',
      'every customer, as a campaign of the whole store starts',
      async () => {
        const start = performance.now();
        const again = await readSegmentFactsOf(database(), facts.map((f) => f.id));
        readWindows.push({ start, end: performance.now() });
        return { hits: again.size };
      },
      async () => {
        rawRows = await rawRead();
      },
    ),
  );

  // The floor of a count: one plain pass over as many rows, each looked at once.
  const rows = Array.from({ length: total }, (_, i) => ({ id: String(i), tierId: i % 3 === 0 ? 'a' : 'b' }));
  const counts: PairedSample[] = [];
  const countWindows: { start: number; end: number }[] = [];
  for (let p = 0; p < passes; p++) {
    for (const [i, step] of steps.entries()) {
      // Each change is an event of its own, as a click or a keystroke is: without this every count of the loop
      // would run in one task (nothing here waits for IndexedDB), and the longest task would be the loop's.
      await nextTask();
      const start = performance.now();
      counts.push(
        await paired(
          p + i,
          'segments: count while building',
          step.label,
          async () => {
            // What the builder computes for each change (SegmentBuilder's useSegmentMembers).
            return { hits: segmentMembers({ conditions: step.conditions }, facts, now).length };
          },
          async () => {
            let n = 0;
            for (const r of rows) if (r.tierId === 'a') n++;
            return n;
          },
        ),
      );
      countWindows.push({ start, end: performance.now() });
    }
  }
  await settle();
  const summary = (windows: { start: number; end: number }[]) => {
    const perCall = windows.map((w) => longTasksBetween(w.start, w.end));
    return {
      count: perCall.reduce((n, t) => n + t.count, 0),
      longestMs: Math.max(0, ...perCall.map((t) => t.longestMs)),
      blockingMs: perCall.reduce((n, t) => n + t.blockingMs, 0),
    };
  };
  return { samples: [...reads, ...counts], customers: total, rawRows, steps: steps.length, longTasks: { read: summary(readWindows), count: summary(countWindows) } };
}
