// Page model for the points in the purchase dialog, and the test set-up's direct reads and writes of the
// points tables (the rules screen is another piece: the rules go in as the rules repository stores them).
import { expect, type Locator, type Page } from '@playwright/test';
import { validatePointsRules, type PointsRules } from '../../../shared/domain/pointsRules';
import type { PointsEntry } from '../../../shared/domain/pointsLedger';
import { validateReward, type Reward } from '../../../shared/domain/rewards';
import type { PurchaseDialogModel } from './PurchasePages';

export class TillPointsModel {
  readonly root: Locator;
  constructor(readonly dialog: PurchaseDialogModel) {
    this.root = dialog.root.getByTestId('till-points');
  }

  get balance(): Locator {
    return this.root.getByTestId('till-points-balance');
  }

  get earn(): Locator {
    return this.root.getByTestId('till-points-earn');
  }

  get pay(): Locator {
    return this.root.getByTestId('till-points-pay');
  }

  get useMost(): Locator {
    return this.root.getByTestId('till-points-max');
  }

  get payment(): Locator {
    return this.root.getByTestId('till-points-payment');
  }

  get limit(): Locator {
    return this.root.getByTestId('till-points-limit');
  }

  get left(): Locator {
    return this.root.getByTestId('till-points-left');
  }

  /** The dialog's totals: paid with points, and what is left to pay. */
  get paidWithPoints(): Locator {
    return this.dialog.root.getByTestId('purchase-points-paid');
  }

  get due(): Locator {
    return this.dialog.root.getByTestId('purchase-due');
  }

  get refusal(): Locator {
    return this.dialog.root.getByTestId('purchase-points-error');
  }

  /** The rewards catalogue's radio for one reward (by id), or for none. */
  reward(id: string | null): Locator {
    return this.root.getByTestId(id === null ? 'till-reward-none' : `till-reward-${id}`);
  }

  /** What the chosen reward does: the amount it takes off, the gift to hand over, the service to give. */
  get rewardEffect(): Locator {
    return this.root.getByTestId('till-reward-discount');
  }

  get combine(): Locator {
    return this.root.getByTestId('till-points-combine');
  }

  /** The dialog's totals: what the reward took off. */
  get rewardOff(): Locator {
    return this.dialog.root.getByTestId('purchase-reward-off');
  }

  /** An edit's or a return's effect on points. */
  get change(): Locator {
    return this.dialog.root.getByTestId('purchase-points-change');
  }
}

/** One request on one object store of the app's database, outside the app (as the test's set-up). */
export function onStore<T>(page: Page, store: string, op: 'put' | 'add' | 'getAll', value: unknown): Promise<T> {
  return page.evaluate(
    ({ store, op, value }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction(store, op === 'getAll' ? 'readonly' : 'readwrite');
          const s = tx.objectStore(store);
          const request: IDBRequest = op === 'getAll' ? s.getAll() : op === 'add' ? s.add(value) : s.put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve(request.result as T);
          };
          tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
        };
      }),
    { store, op, value },
  );
}

/** The owner's points rules, checked and cleaned as the rules repository's save does, stored where it stores them. */
export async function setPointsRules(page: Page, rules: PointsRules): Promise<void> {
  const checked = validatePointsRules(rules);
  if (!checked.ok) throw new Error(`invalid points rules: ${checked.reason.join(', ')}`);
  await onStore(page, 'settings', 'put', { key: 'pointsRules', value: checked.value });
}

/** Every points entry in the store. */
export function pointsLedger(page: Page): Promise<PointsEntry[]> {
  return onStore<PointsEntry[]>(page, 'pointsEntries', 'getAll', null);
}

/** An entry written behind the app's back (the open dialog does not hear of it), as another window's write would be. */
export async function writeBehindTheApp(page: Page, entry: PointsEntry): Promise<void> {
  await onStore(page, 'pointsEntries', 'add', entry);
}

/** Waits until the ledger has `count` entries of `kind`. */
export async function expectLedgerKind(page: Page, kind: PointsEntry['kind'], count: number): Promise<PointsEntry[]> {
  await expect.poll(async () => (await pointsLedger(page)).filter((e) => e.kind === kind).length, { timeout: 30_000 }).toBe(count);
  return (await pointsLedger(page)).filter((e) => e.kind === kind);
}

/** The day the last daily rollover (or rules recomputation) finished, its points expiry written before it. */
export async function lastRolloverDay(page: Page): Promise<string | null> {
  const rows = await onStore<{ key: string; value: unknown }[]>(page, 'bookkeeping', 'getAll', null);
  const row = rows.find((r) => r.key === 'statusRecomputedOn');
  return typeof row?.value === 'string' ? row.value : null;
}

/** A reward in the catalogue, checked and cleaned as the rewards repository's save does (no tiers named), stored where it stores them. */
export async function putReward(page: Page, reward: Reward): Promise<void> {
  const checked = validateReward(reward, []);
  if (!checked.ok) throw new Error(`invalid reward: ${checked.reason.join(', ')}`);
  await onStore(page, 'rewards', 'put', checked.value);
}

/** A reward as it is stored now. */
export async function storedReward(page: Page, id: string): Promise<Reward | undefined> {
  return (await onStore<Reward[]>(page, 'rewards', 'getAll', null)).find((r) => r.id === id);
}
