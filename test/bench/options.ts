// The bench's command line: pure, so it is unit-tested.

export const FULL_CUSTOMERS = 100_000;
export const QUICK_CUSTOMERS = 10_000;
/** The store: 1,000,000 purchases for 100,000 customers. */
export const PURCHASES_PER_CUSTOMER = 10;
/** ...and 200,000 contacts for 1,000,000 purchases. */
export const CONTACTS_PER_PURCHASE = 0.2;

/**
 * The parts of a run that `--only` can pick (every run imports the store through the app first; the raw
 * write baselines belong to `imports`).
 */
export const BENCH_PARTS = ['imports', 'upgrade', 'search', 'customer-page', 'record', 'recompute', 'points', 'care', 'satisfaction', 'reports', 'segments', 'backup', 'cold-start', 'rollover'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  customers: number;
  purchases: number;
  contacts: number;
  runs: number;
  /** How many times each latency probe set is repeated within a run. */
  passes: number;
  seed: number;
  /** Records per transaction of the raw write baselines. */
  chunk: number;
  /** Path of the results file, relative to the repository. */
  out: string;
  build: boolean;
  /** The parts to measure: all of them unless `--only` named some. */
  parts: readonly BenchPart[];
}

function parseParts(list: string | undefined): readonly BenchPart[] {
  if (list === undefined) return BENCH_PARTS;
  const named = list.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (named.length === 0) throw new Error('--only needs one or more of ' + BENCH_PARTS.join(', '));
  for (const p of named) if (!(BENCH_PARTS as readonly string[]).includes(p)) throw new Error(`--only: unknown part "${p}" (the parts: ${BENCH_PARTS.join(', ')})`);
  // In the run's own order, each once.
  return BENCH_PARTS.filter((p) => named.includes(p));
}

const KNOWN = new Set(['--customers', '--purchases', '--contacts', '--runs', '--passes', '--seed', '--chunk', '--out', '--quick', '--skip-build', '--only']);
const FLAGS = new Set(['--quick', '--skip-build']);

export function parseOptions(argv: readonly string[]): BenchOptions {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!KNOWN.has(arg)) throw new Error(`unknown option ${arg}`);
    if (!FLAGS.has(arg)) {
      if (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--')) throw new Error(`${arg} needs a value`);
      i++;
    }
  }
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const int = (name: string, fallback: number): number => {
    const v = value(name);
    if (v === undefined) return fallback;
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} needs a positive whole number, got "${v}"`);
    return n;
  };
  const quick = argv.includes('--quick');
  const customers = int('--customers', quick ? QUICK_CUSTOMERS : FULL_CUSTOMERS);
  const purchases = int('--purchases', customers * PURCHASES_PER_CUSTOMER);
  const contacts = int('--contacts', Math.round(purchases * CONTACTS_PER_PURCHASE));
  const parts = parseParts(value('--only'));
  const isFull = customers === FULL_CUSTOMERS && purchases === FULL_CUSTOMERS * PURCHASES_PER_CUSTOMER;
  // A partial run never overwrites a whole run's results.
  const partial = parts.length < BENCH_PARTS.length ? `-only-${parts.join('+')}` : '';
  const stem = isFull ? 'bench/results' : purchases === customers * PURCHASES_PER_CUSTOMER ? `bench/results-${customers}` : `bench/results-${customers}-${purchases}`;
  const ownContacts = contacts === Math.round(purchases * CONTACTS_PER_PURCHASE) ? '' : `-${contacts}c`;
  const defaultOut = `${stem}${ownContacts}${partial}.json`;
  return {
    customers,
    purchases,
    contacts,
    runs: int('--runs', 1),
    passes: int('--passes', 2),
    seed: int('--seed', 20261123),
    chunk: int('--chunk', 5_000),
    out: value('--out') ?? defaultOut,
    build: !argv.includes('--skip-build'),
    parts,
  };
}
