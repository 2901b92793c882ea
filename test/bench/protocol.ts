// What the bench page (page.ts, in Chromium) and the runner (run.ts, in Node) say to each other.
// Types only, and nothing platform-specific: both tsconfigs check this file.
import type { DatasetOptions } from './dataset';

/** One timed operation: the app's code path and the raw IndexedDB baseline doing the same job. */
export interface PairedSample {
  /** Which group of the table the sample belongs to, e.g. 'search: phone digits'. */
  section: string;
  /** What was asked (the query as typed, the sort, the tag, the customer). */
  label: string;
  appMs: number;
  rawMs: number;
  /** How many ids, rows or entries the app's call returned. */
  hits: number;
  /** The app answered with only the first matches of a too-broad search ("type more"). */
  truncated: boolean;
}

/** The same page serves both origins: the app's (everything) and the raw one (the write baselines only). */
export interface PrepareOptions extends DatasetOptions {
  role: 'app' | 'raw';
}

export interface Prepared {
  customers: number;
  purchases: number;
  contacts: number;
  /** Extra generator passes needed to reach the asked purchase and contact counts. */
  extraPasses: number;
  /** Generating the store (and, on the app page, writing its two files; on the raw page, the stored records). */
  buildMs: number;
  customersFileBytes: number;
  purchasesFileBytes: number;
  /** Search tokens per customer, on average (each one is an entry in the multi-entry index); raw page only. */
  tokensPerCustomer: number;
  /** Customers whose phone, name and pinyin are typed keystroke by keystroke; app page only. */
  probes: Probe[];
}

/** Main-thread long tasks (over 50 ms) seen in a window of time. */
export interface LongTaskSummary {
  count: number;
  longestMs: number;
  /** Sum of each task's time beyond 50 ms. */
  blockingMs: number;
}

/** One import through the app's import worker, as the import screen drives it. */
export interface ImportRun {
  /** Data rows in the file. */
  rows: number;
  /** load: bytes to the worker, decoded and parsed; preview: checked and planned; write: the one transaction. */
  phases: { loadMs: number; previewMs: number; writeMs: number };
  /**
   * The write phase by the import's own progress phases: parse (until the first report: the session
   * reads the file again), planning, writing (the records), figures (purchases: the customers'
   * figures and status), finishing (batch, audit entry, commit).
   */
  writeSteps: Record<string, number>;
  totalMs: number;
  /** The import's own counts (created, purchases, customersUpdated…). */
  counts: Record<string, number>;
  /** This page's main thread while the import ran. */
  longTasks: LongTaskSummary;
}

export interface RawWrite {
  ms: number;
  records: number;
  transactions: number;
}

export interface SetupStep {
  ms: number;
  records: number;
}

export interface RecomputeRun {
  ms: number;
  customers: number;
  changed: number;
  /** The status worker's store-wide pass (recomputeStatus only): the churn model fitted to this many customers, in this many ms. */
  churnFit?: { customers: number; ms: number };
  /** This page's main thread while the worker recomputed. */
  longTasks: LongTaskSummary;
}

/** The recomputation's write floor: its changed state rows put plainly, with the list's indexes and without. */
export interface StateWriteFloor {
  rows: number;
  /** Indexes of the app's customerState store, copied into the indexed scratch store. */
  indexes: number;
  indexedMs: number;
  plainMs: number;
}

/** Every purchase read plainly plus a plain per-customer aggregation (count, total, last purchase). */
/** The points ledger seeded with plain puts before the points figures (untimed setup). */
export interface PointsSeed {
  ms: number;
  entries: number;
  customers: number;
}

export interface RawRead {
  ms: number;
  records: number;
}

/** Issue 17: survey answers seeded with plain puts before the satisfaction figures (untimed setup). */
export interface SurveySeed {
  ms: number;
  answers: number;
  customers: number;
  /** Answers that needed a follow-up. */
  followUps: number;
  /** Complaints seeded beside them (one for every ten answers). */
  complaints: number;
}

/** Issue 16's setup: the contact cache derived behind the seeding, and what the store holds for the care pass. */
export interface CareSetup {
  /** recomputeAllContacts over every customer (the seeded contacts were put behind the app). */
  contactsMs: number;
  contactsChanged: number;
  customers: number;
  /** Customers with a birthday, by calendar (the `birthdayKey` index). */
  solarBirthdays: number;
  lunarBirthdays: number;
  /** Contacts with a follow-up not done, any day; and those promised for today through the horizon. */
  openFollowUps: number;
  followUpsAhead: number;
  /** Customers with points that expire (the points part seeds a ledger; without it, none). */
  pointsRows: number;
}

/** One careWorker().compute(6), paired with the raw reads. */
export interface CarePass {
  sample: PairedSample;
  /** The first call: it starts the worker and opens its database. */
  cold: boolean;
}

export interface CareRun {
  passes: CarePass[];
  /** This page's main thread during the app's calls only. */
  longTasks: LongTaskSummary;
  /** The last pass's summary: today's count, by kind and timing, and each day of the horizon's. */
  today: string;
  total: number;
  byKind: Record<string, number>;
  byTiming: Record<string, number>;
  horizonCounts: number[];
  /** A second worker started after the timed calls: its start (to a first answer), its first compute and a second one. */
  fresh: { startMs: number; firstComputeMs: number; secondComputeMs: number };
  /** The raw reads' time by source (mean over the passes). */
  rawSources: Record<string, number>;
}

/** Where a care pass spends its time, measured on the page (best of a few): the reads by source, the rules by source. */
export interface CareBreakdown {
  steps: Record<string, number>;
  /** What readCareInputs returned: rows (or keys) per source. */
  sizes: Record<string, number>;
}

/** A backup or a restore's import through the app's code (items 7). */
export interface BackupRun {
  ms: number;
  /** Records in the backup, every table. */
  records: number;
  payloadBytes: number;
  /** The file on disk (gzip, header), for a backup; 0 for a restore. */
  fileBytes: number;
  /** A restore: main's full check of the file for the preview, before the restore proper (not in `ms`). */
  checkMs: number;
  longTasks: LongTaskSummary;
}

/** dexie-export-import's exportDB or importDB of the same database (the baseline of item 7). */
export interface RawBackupRun {
  ms: number;
  /** Size of the export (a JSON Blob). */
  bytes: number;
}

/** Item 10: purchases recorded while a backup ran, each paired with a plain put issued right after it. */
export interface PurchasesDuringBackup {
  samples: PairedSample[];
  backupMs: number;
  /** 'export-busy': the store kept changing and the backup was left for later, as the app does. */
  outcome: 'written' | 'export-busy';
}

/** Opening a version-5 database of the run's customers with today's app: the upgrades to version 7 and on. */
export interface UpgradeRun {
  ms: number;
  customers: number;
  /** The version the app opened it at (today's). */
  version: number;
  /** Building the version-5 database first (not part of the figure). */
  buildMs: number;
}

export interface StoreCounts {
  customers: number;
  purchases: number;
  interactions: number;
  tierHistory: number;
}

/** A real generated customer whose phone, name and pinyin are typed keystroke by keystroke. */
export interface Probe {
  name: string;
  phoneDigits: string;
  sequences: { section: string; keystrokes: string[] }[];
}

/** Where the time of one app query goes, step by step (measured with the same Dexie calls as listIds). */
export interface SearchBreakdown {
  query: string;
  terms: string[];
  /** Index entries read (capped per term). */
  indexEntries: number;
  /** Ids the search returned. */
  hits: number;
  /** Whether the answer was complete or capped. */
  path: string;
  steps: { step: string; ms: number }[];
  totalMs: number;
  /** For scale: the whole prefix range of the first term, uncapped (what the cap saves). */
  uncappedEntries: number;
  uncappedMs: number;
}

export interface BenchApi {
  /** Generates the store in memory (and on the app page its customers and purchases files); writes nothing. */
  prepare(options: PrepareOptions): Promise<Prepared>;
  /** App page: the first-launch choice "start with an empty store", as the welcome screen makes it. */
  startEmptyStore(): Promise<void>;
  /** App page: the customers file through the import worker (load, preview, import). */
  importCustomers(): Promise<ImportRun>;
  /** App page: the purchases file through the import worker (load, preview, import). */
  importPurchases(): Promise<ImportRun>;
  /** App page: the contacts, written as the demo store writes them (no contact import exists); not a figure of the issue. */
  seedContacts(): Promise<SetupStep>;
  /** Raw page: the same customer records, plain puts, `chunk` per transaction. */
  rawWriteCustomers(chunk: number): Promise<RawWrite>;
  /** Raw page: the same purchase records, plain puts, `chunk` per transaction. */
  rawWritePurchases(chunk: number): Promise<RawWrite>;
  /** App page: a version-5 database of the run's customers (one in 50 in the trash) opened with the app's RegularsDatabase (the upgrades to version 7 and on), then deleted. */
  upgradeFromV5(nowMs: number): Promise<UpgradeRun>;
  /** Forgets the generated store and the files (so they are not in the heap while reads are timed). */
  release(): Promise<void>;
  storeCounts(): Promise<StoreCounts>;
  /** Search as you type: every keystroke of every probe, `passes` times. */
  search(passes: number): Promise<PairedSample[]>;
  /** The unfiltered list: the count in the header, a page at the top, a page in the middle. */
  list(repeats: number): Promise<PairedSample[]>;
  /** The tag filter, for every tag in use. */
  tags(repeats: number): Promise<PairedSample[]>;
  /** Step-by-step timing of single app queries, for the analysis. */
  breakdown(queries: string[]): Promise<SearchBreakdown[]>;
  /** A customer page's data (profile, figures, status, last 50 timeline entries) for many customers. */
  customerPage(passes: number): Promise<PairedSample[]>;
  /** Recording a purchase with its derived updates, for many customers. */
  recordPurchase(passes: number): Promise<PairedSample[]>;
  /** The full recomputation of tiers, stages and risk, started as the app starts it (the status worker). */
  recomputeStatus(): Promise<RecomputeRun>;
  /** The recomputation's baseline: every purchase read plainly and aggregated per customer. */
  readAllPurchasesRaw(): Promise<RawRead>;
  /** Issue 15: `count` points ledger entries put plainly over every customer (setup, untimed). */
  seedPointsLedger(count: number, nowMs: number): Promise<PointsSeed>;
  /** Issue 15: every customer's points derived again from the ledger (points.recomputeAll). */
  recomputePoints(): Promise<RecomputeRun>;
  /** Its baseline: every ledger entry read plainly and summed per customer. */
  readLedgerRaw(): Promise<RawRead>;
  /** Issue 15: recording a purchase that pays part of its amount with points. */
  recordPurchaseWithPoints(passes: number): Promise<PairedSample[]>;
  /** Issue 16: the contact cache derived once behind the seeded contacts (untimed as a figure) and the store's care counts. */
  prepareCare(): Promise<CareSetup>;
  /** Issue 16: careWorker().compute(6) `passes` times (the first cold), each paired with the raw reads. */
  careDue(passes: number): Promise<CareRun>;
  /** Issue 16: the care pass's reads and rules by source, on the page, best of `repeats`. */
  careBreakdown(repeats: number): Promise<CareBreakdown>;
  /** Issue 17: `count` survey answers put plainly over every customer, dated over the last year (setup, untimed). */
  seedSurveyAnswers(count: number, nowMs: number): Promise<SurveySeed>;
  /** Issue 17: the satisfaction figures of a year (readSurveyFigures), then the complaint figures of a year, `passes` times each, paired with the raw reads. */
  surveyFigures(passes: number): Promise<PairedSample[]>;
  /** Issue 18: each report for a year by month, `passes` times, through the reports worker, paired with the raw reads of its tables. */
  reportRuns(passes: number): Promise<ReportsRun>;
  /** Issue 18: consent rows put plainly for every customer, as the demo store draws them (setup, untimed; the customers file has none). */
  seedConsent(nowMs: number): Promise<SetupStep>;
  /** Issue 18: the segment builder's facts read (first cold, then again) and its count at each step of segments built a condition at a time, `passes` times. */
  segmentRuns(passes: number): Promise<SegmentsRun>;
  /** What writing the recomputation's `changed` state rows costs IndexedDB alone (scratch databases). */
  stateWriteFloor(changed: number): Promise<StateWriteFloor>;
  /** Item 7: "Back up now" through the app's code and the real main-process service. */
  appBackup(): Promise<BackupRun>;
  /** Item 7: restoring the backup just made, up to the swap (the restored copy is dropped). */
  appRestore(): Promise<BackupRun>;
  /** Item 7's baselines: dexie-export-import's exportDB, then importDB of that export. */
  rawBackup(): Promise<RawBackupRun>;
  rawRestore(): Promise<RawBackupRun>;
  /** Item 10: purchases recorded while a backup runs. */
  purchasesDuringBackup(): Promise<PurchasesDuringBackup>;
  /** Switches the grouping (tiers ↔ RFM) and dates the last recomputation long ago: the next app start recomputes every customer. */
  prepareHeavyRollover(): Promise<void>;
  /** The moonshot experiment (test/bench/packed.ts): deletes a layout's database. */
  packedReset(layout: PackedLayout): Promise<void>;
  /** One slice of purchases written into a layout's database as a restore writes a backup's rows. */
  packedWrite(layout: PackedLayout, options: { slice: number; customers: number; purchases: number; seed: number; nowMs: number }): Promise<PackedWrite>;
  /** A layout's database after its writes: reads, writes and look-ups as the app would make them. */
  packedProbe(layout: PackedLayout, nowMs: number): Promise<PackedProbe>;
}

/**
 * The moonshot's purchase layouts: 'each' is today's (one record per purchase, six indexes), 'each-lean'
 * the same records with only the customer page's index, 'per-customer' one record per customer holding
 * every purchase, 'per-block' a bucket of customers' purchases in blocks (one block per bucket per slice).
 */
export const PACKED_LAYOUTS = ['each', 'each-lean', 'per-customer', 'per-block'] as const;
export type PackedLayout = (typeof PACKED_LAYOUTS)[number];

export interface PackedWrite {
  /** Parse and write of the slice's payload, and each apart. */
  ms: number;
  parseMs: number;
  writeMs: number;
  records: number;
  purchases: number;
  payloadBytes: number;
}

export interface PackedProbe {
  records: number;
  purchases: number;
  /** Every purchase read in key order, a page of records at a time. */
  fullReadMs: number;
  /** A customer's purchases (the median buyer, the heaviest), p50 of 15 reads. */
  customerPage: { purchases: number; p50Ms: number }[];
  /** A purchase recorded for those customers, p50 of 15. */
  recordPurchase: { purchases: number; p50Ms: number }[];
  /** A purchase found by its id alone, and one day's purchases counted. */
  byIdMs: number;
  byDayMs: number;
  byDayPurchases: number;
  /** navigator.storage.estimate() of the origin, with this layout's database in it. */
  originUsageBytes: number;
}

/** The page puts its BenchApi on globalThis under this name. */
export const BENCH_GLOBAL = 'regularsBench';

/** Issue 18: each report's figures for a year by month, `passes` times each, paired with the raw reads of its tables. */
export interface ReportsRun {
  samples: PairedSample[];
  /** Rows the raw reads read, by report. */
  rawRows: Record<string, number>;
  /** The bench page's main thread during the app's calls only. */
  longTasks: LongTaskSummary;
}

/** Issue 18's segment builder: the facts read twice (first cold) and each step's count, paired with raw reads and a plain pass. */
export interface SegmentsRun {
  samples: PairedSample[];
  /** Active customers whose facts were read. */
  customers: number;
  /** Rows of customerState the raw read read. */
  rawRows: number;
  /** Steps of the segments built, per pass. */
  steps: number;
  /** The bench page's main thread during the facts reads and during the counts. */
  longTasks: { read: LongTaskSummary; count: LongTaskSummary };
}
