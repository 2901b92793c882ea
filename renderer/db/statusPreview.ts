// Reads what the status-rules preview needs: every customer's group and purchases, compactly, in chunks.
import Dexie from 'dexie';
import type { CustomerState } from '../../shared/domain/customer';
import type { DayOf, FigureInput } from '../../shared/domain/customerFigures';
import type { PreviewCustomer } from '../../shared/domain/statusPreview';
import type { Purchase } from '../../shared/domain/purchase';
import type { RegularsDatabase } from './database';

const CHUNK = 2_000;

/**
 * Customers not in the trash, each with their purchases reduced to what the rules read, with
 * purchasedAt already turned into the calendar day (so the preview passes an identity dayOf and a
 * million purchases are converted once, not once per keystroke). Day strings are shared, so memory
 * stays near one small object per purchase; the id stays because it ties a return to its original
 * (a purchase returned in full is no visit).
 */
export async function loadPreviewCustomers(db: RegularsDatabase, dayOf: DayOf, onProgress?: (done: number, total: number) => void): Promise<PreviewCustomer[]> {
  const total = await db.customerState.count();
  const days = new Map<string, string>();
  const dayOfShared = (iso: string) => {
    const day = dayOf(iso);
    const known = days.get(day);
    if (known !== undefined) return known;
    days.set(day, day);
    return day;
  };
  const out: PreviewCustomer[] = [];
  let done = 0;
  let after: string | null = null;
  onProgress?.(0, total);
  for (;;) {
    const from: string | null = after;
    const chunk = await db.transaction('r', [db.customerState, db.purchases], async () => {
      const customers: CustomerState[] = await (from === null ? db.customerState.orderBy(':id') : db.customerState.where(':id').above(from)).limit(CHUNK).toArray();
      if (customers.length === 0) return null;
      const first = customers[0]!.id;
      const last = customers[customers.length - 1]!.id;
      const purchases: Purchase[] = await db.purchases.where('[customerId+purchasedAt]').between([first, Dexie.minKey], [last, Dexie.maxKey], true, true).toArray();
      return { customers, purchases, last };
    });
    if (!chunk) break;
    const byCustomer = new Map<string, FigureInput[]>();
    for (const p of chunk.purchases) {
      const compact: FigureInput = { id: p.id, purchasedAt: dayOfShared(p.purchasedAt), totalFen: p.totalFen, isVoided: p.isVoided, returnOf: p.returnOf };
      const list = byCustomer.get(p.customerId);
      if (list) list.push(compact);
      else byCustomer.set(p.customerId, [compact]);
    }
    for (const c of chunk.customers) if (c.isDeleted === 0) out.push({ id: c.id, tierId: c.tierId, purchases: byCustomer.get(c.id) ?? [] });
    done += chunk.customers.length;
    after = chunk.last;
    onProgress?.(done, Math.max(total, done));
  }
  return out;
}
