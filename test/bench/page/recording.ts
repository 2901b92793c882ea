// Item 5: recording a purchase as the purchase dialog saves it (purchases.record: the purchase, the
// customer's figures and status from all their purchases, tier history, the product catalog, in one
// transaction). Raw: one put of a purchase record into the same table, in its own transaction.
import { purchases } from '../../../renderer/db';
import { DEMO_PRODUCTS } from '../../../shared/domain/demoPurchases';
import type { Purchase, PurchaseFields } from '../../../shared/domain/purchase';
import type { PairedSample } from '../protocol';
import { probeCustomers } from './customerPage';
import { appDatabase, committed } from './idb';
import { paired } from './timing';

const SPREAD_CUSTOMERS = 50;
const HEAVIEST_CUSTOMERS = 5;
/** The raw puts' customer: no real customer, so they never count in anyone's figures; deleted afterwards. */
const RAW_CUSTOMER = '~bench-raw-put';

export function saleFields(n: number): PurchaseFields {
  const product = DEMO_PRODUCTS[n % DEMO_PRODUCTS.length]!;
  const quantity = 1 + (n % 2);
  const subtotalFen = quantity * product.priceFen;
  return {
    purchasedAt: new Date().toISOString(),
    lines: [{ product: product.product, category: product.category, quantity, unitPriceFen: product.priceFen }],
    subtotalFen,
    discountFen: 0,
    totalFen: subtotalFen,
    paymentNote: '微信支付',
    note: '',
  };
}

export async function rawPut(n: number): Promise<string> {
  const fields = saleFields(n);
  const at = new Date().toISOString();
  const record: Purchase = {
    ...fields,
    id: crypto.randomUUID(),
    customerId: RAW_CUSTOMER,
    voidedAt: null,
    voidReason: '',
    isVoided: 0,
    returnOf: null,
    importId: null,
    createdAt: at,
    updatedAt: at,
  };
  const tx = (await appDatabase()).transaction('purchases', 'readwrite');
  tx.objectStore('purchases').put(record);
  await committed(tx);
  return record.id;
}

export async function recordPurchases(passes: number): Promise<PairedSample[]> {
  const ids = await probeCustomers(SPREAD_CUSTOMERS, HEAVIEST_CUSTOMERS);
  const rawIds: string[] = [];
  const out: PairedSample[] = [];
  let order = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const id of ids) {
      const n = order;
      out.push(
        await paired(
          order++,
          'record a purchase',
          id,
          async () => {
            await purchases.record(id, saleFields(n));
            return { hits: 1 };
          },
          async () => rawIds.push(await rawPut(n)),
        ),
      );
    }
  }
  await deleteRawPuts(rawIds);
  return out;
}

/** The raw puts' purchases go again, so they never count anywhere. */
export async function deleteRawPuts(rawIds: readonly string[]): Promise<void> {
  const tx = (await appDatabase()).transaction('purchases', 'readwrite');
  for (const id of rawIds) tx.objectStore('purchases').delete(id);
  await committed(tx);
}
