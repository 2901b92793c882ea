// The bench's command line: pure, so it is unit-tested.

export const FULL_CUSTOMERS = 100_000;
export const QUICK_CUSTOMERS = 10_000;
/** The store: 1,000,000 purchases for 100,000 customers. */
export const PURCHASES_PER_CUSTOMER = 10;
/** ...and 200,000 contacts for 1,000,000 purchases. */
export const CONTACTS_PER_PURCHASE = 0.2;

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
}

const KNOWN = new Set(['--customers', '--purchases', '--runs', '--passes', '--seed', '--chunk', '--out', '--quick', '--skip-build']);
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
  const isFull = customers === FULL_CUSTOMERS && purchases === FULL_CUSTOMERS * PURCHASES_PER_CUSTOMER;
  const defaultOut = isFull
    ? 'bench/results.json'
    : purchases === customers * PURCHASES_PER_CUSTOMER
      ? `bench/results-${customers}.json`
      : `bench/results-${customers}-${purchases}.json`;
  return {
    customers,
    purchases,
    contacts: Math.round(purchases * CONTACTS_PER_PURCHASE),
    runs: int('--runs', 1),
    passes: int('--passes', 2),
    seed: int('--seed', 20261123),
    chunk: int('--chunk', 5_000),
    out: value('--out') ?? defaultOut,
    build: !argv.includes('--skip-build'),
  };
}
