// The bench's store: the seeded demo-store generators at the asked size. Pure (shared/domain only),
// so the app page and the raw page build exactly the same records from the same options.
import type { DemoCustomer } from '../../shared/domain/demoStore';
import { generateDemoCustomers } from '../../shared/domain/demoStore';
import { generateDemoPurchases } from '../../shared/domain/demoPurchases';
import type { Interaction } from '../../shared/domain/interaction';
import type { Purchase } from '../../shared/domain/purchase';
import { createRng, type Rng } from '../../shared/domain/random';

export interface DatasetOptions {
  customers: number;
  purchases: number;
  contacts: number;
  seed: number;
  /** The store's "now": the newest purchase is before it. The runner picks it once per run. */
  nowMs: number;
}

export interface Dataset {
  customers: DemoCustomer[];
  /**
   * Exactly `options.purchases` purchases, oldest first (as a till exports them), all of customers
   * with a phone: the purchases file names its customer by phone, which is how a shop's till does it,
   * and a customer with neither phone nor customer number cannot be matched by any import.
   */
  purchases: Purchase[];
  /** Exactly `options.contacts` contacts, of customers with a phone (mapped to the app's ids by phone). */
  contacts: Interaction[];
  /** How many extra generator passes were needed to reach the asked counts (0 when one history sufficed). */
  extraPasses: number;
}

/** A version-4 UUID from the seeded generator: random like the app's ids (so keys land all over the index), yet reproducible. */
export function seededUuid(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(rng.next() * 4_294_967_296).toString(16).padStart(8, '0');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Exactly `count` of `items`, spread evenly at random and kept in their order (selection sampling,
 * Knuth's algorithm S): thinning a generated history keeps its mix of regulars, lapsed and rare buyers.
 */
export function selectSpread<T>(items: readonly T[], count: number, rng: Rng): T[] {
  if (count >= items.length) return [...items];
  const out: T[] = [];
  for (let i = 0; i < items.length && out.length < count; i++) {
    if (rng.next() * (items.length - i) < count - out.length) out.push(items[i]!);
  }
  return out;
}

const byTime = <T>(key: (x: T) => string) => (a: T, b: T) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Passes of the generator at most; one pass gives about 11 purchases and 1.6 contacts per customer. */
const MAX_PASSES = 40;

export function buildDataset(options: DatasetOptions): Dataset {
  const now = new Date(options.nowMs);
  const idRng = createRng(options.seed ^ 0x1d5);
  const newId = () => seededUuid(idRng);
  const customers = generateDemoCustomers({ seed: options.seed, count: options.customers, now, newId });
  const withPhone = customers.filter((c) => c.fields.phones.length > 0);

  const purchasePool: Purchase[] = [];
  const contactPool: Interaction[] = [];
  let passes = 0;
  // More history when one pass is not enough: the same customers again with another seed, as if
  // they had been coming twice as long.
  while ((purchasePool.length < options.purchases || contactPool.length < options.contacts) && passes < MAX_PASSES && withPhone.length > 0) {
    const history = generateDemoPurchases({ seed: options.seed + 7919 * passes, customers: withPhone, now, newId });
    if (purchasePool.length < options.purchases) for (const p of history.purchases) purchasePool.push(p);
    if (contactPool.length < options.contacts) for (const i of history.interactions) contactPool.push(i);
    passes++;
  }
  const pick = createRng(options.seed ^ 0x9e3779b9);
  const purchases = selectSpread(purchasePool, options.purchases, pick).sort(byTime((p) => p.purchasedAt));
  const contacts = selectSpread(contactPool, options.contacts, pick).sort(byTime((i) => i.at));
  return { customers, purchases, contacts, extraPasses: Math.max(0, passes - 1) };
}
