// What the bench page (page.ts, in Chromium) and the runner (run.ts, in Node) say to each other.
// Types only, and nothing platform-specific: both tsconfigs check this file.

/** One timed operation: the app's code path and the raw IndexedDB baseline doing the same job. */
export interface PairedSample {
  /** Which group of the table the sample belongs to, e.g. 'search: phone digits'. */
  section: string;
  /** What was asked (the query as typed, the sort, the tag). */
  label: string;
  appMs: number;
  rawMs: number;
  /** How many ids or rows the app's query returned. */
  hits: number;
  /** The app answered with only the first matches of a too-broad search ("type more"). */
  truncated: boolean;
}

export interface SeedOptions {
  customers: number;
  seed: number;
  /** Records per transaction, for the app and the baseline alike. */
  chunk: number;
}

export interface SeedPrepared {
  customers: number;
  /** Generating the demo customers and building their stored records (search tokens, sort keys). */
  buildMs: number;
  /** Search tokens per customer, on average (each one is an entry in the multi-entry index). */
  tokensPerCustomer: number;
  probes: Probe[];
}

export interface WriteResult {
  appMs: number;
  rawMs: number;
  chunks: number;
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
  /** Generates the customers and their stored records in memory; writes nothing. */
  prepare(options: SeedOptions): Promise<SeedPrepared>;
  /**
   * Writes the prepared records twice, chunk by chunk in turns: through the customer repository
   * (addMany per chunk) and into a second database with plain IndexedDB puts, same indexes, same
   * chunks. Chromium keeps one LevelDB per origin, so writing one database after the other would
   * make the second pay for the first one's compaction; taking turns shares that out evenly.
   */
  write(): Promise<WriteResult>;
  /** Forgets the prepared records (so they are not in the heap while reads are timed). */
  release(): Promise<void>;
  /** Search as you type: every keystroke of every probe, `passes` times. */
  search(passes: number): Promise<PairedSample[]>;
  /** The unfiltered list: the count in the header, a page at the top, a page in the middle. */
  list(repeats: number): Promise<PairedSample[]>;
  /** The tag filter, for every tag in use. */
  tags(repeats: number): Promise<PairedSample[]>;
  /** Step-by-step timing of single app queries, for the analysis. */
  breakdown(queries: string[]): Promise<SearchBreakdown[]>;
}

/** The page puts its BenchApi on globalThis under this name. */
export const BENCH_GLOBAL = 'regularsBench';

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function stats(values: readonly number[]): Stats {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}
