// The points repository the screens call: a customer's points and history, the owner's adjustments, rules and
// rewards catalogue, redeeming a reward outside a purchase, the daily rollover's expiry, and the full recomputation.
// Every write stores its entries and the customers' derived points in one transaction, with its audit entry.
import Dexie from 'dexie';
import { addDays } from 'date-fns';
import { derivePointsLedger, pointsEntry, pointsSummary, rolloverExpiries, type PointsEntry, type PointsSummary } from '../../shared/domain/pointsLedger';
import { batchExpiresAt, birthdayGiftDue, validatePointsRules, type PointsRules } from '../../shared/domain/pointsRules';
import { ANONYMOUS_CUSTOMER_ID } from '../../shared/domain/erasure';
import { canRedeem, redeemEntry, validateReward, type Reward } from '../../shared/domain/rewards';
import type { RegularsDatabase } from './database';
import { recordAudit } from './audit';
import { createSettingsRepository } from './settings';
import { changedPointsRows, derivePointsOf, notePointsEntries, ledgerOfCustomers, ledgerRange, ledgersOf, passInChunks, pointsFieldsOf, POINTS_SOON_DAYS, writePointsFields, writeTransaction, type RecomputeProgress } from './derivation';
import { POINTS_RULES_KEY, PointsRefusedError, availablePoints, pointsRulesFrom, readPointsRules, type EarningDeps, type PointsRefusal } from './pointsEarning';

export { PointsRefusedError, POINTS_RULES_KEY, type PointsRefusal };

/** Customers per transaction in the rollover's expiry and the full recomputation. */
const POINTS_CHUNK = 2_000;
/** The longest reason an owner's adjustment keeps. */
export const ADJUST_REASON_MAX = 200;

export interface PointsLedgerPage {
  /** Newest first. */
  entries: PointsEntry[];
  more: boolean;
}

export function createPointsRepository(db: RegularsDatabase, deps: EarningDeps) {
  const settings = createSettingsRepository(db, deps);

  /** Entries stored and the customers' points derived again (inside a transaction holding WRITE_SCOPES.points). */
  async function store(entries: readonly PointsEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await db.pointsEntries.bulkAdd([...entries]);
    await notePointsEntries(db, entries, []);
    await writePointsFields(db, await derivePointsOf(db, entries.map((e) => e.customerId), deps.now()));
  }

  async function requireActiveCustomer(customerId: string): Promise<{ tierId: string | null; isDeleted: 0 | 1 }> {
    const record = await db.customers.get(customerId);
    if (!record) throw new PointsRefusedError('customer-not-found');
    const state = await db.customerState.get(customerId);
    return { tierId: state?.tierId ?? null, isDeleted: record.isDeleted };
  }

  /** Every customer's points derived again from their ledger, POINTS_CHUNK customers per transaction, in id order. */
  function recomputeAll(onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; changed: number }> {
    return passInChunks(
      db,
      db.pointsState,
      ['points'],
      POINTS_CHUNK,
      async (rows) => {
        // Two range reads of the stores themselves, both in customer order: the chunk's points rows, and
        // the entries of their customers (those of ids between them without a row are left out).
        const entries = await ledgerOfCustomers(db, rows[0]!.id, rows[rows.length - 1]!.id).toArray();
        const byCustomer = new Map<string, PointsEntry[]>();
        for (const e of entries) {
          const list = byCustomer.get(e.customerId);
          if (list) list.push(e);
          else byCustomer.set(e.customerId, [e]);
        }
        const now = deps.now();
        const fields = new Map(rows.map((r) => [r.id, pointsFieldsOf(byCustomer.get(r.id) ?? [], now)]));
        const changed = changedPointsRows(rows, fields);
        if (changed.length) await db.pointsState.bulkPut(changed);
        return changed.length;
      },
      onProgress,
    );
  }

  return {
    /** The customer's points now: balance, what may be spent, what is due to expire, what expires within 30 days. */
    async summary(customerId: string): Promise<PointsSummary> {
      const entries = await db.transaction('r', db.pointsEntries, () => ledgerRange(db, customerId).toArray());
      return pointsSummary(derivePointsLedger(entries), deps.now(), POINTS_SOON_DAYS);
    },

    /** The customer's whole points history, newest first: one range read. */
    async history(customerId: string): Promise<PointsEntry[]> {
      return ledgerRange(db, customerId).reverse().toArray();
    },

    /** A page of the customer's points history, newest first. */
    async ledgerPage(customerId: string, offset = 0, limit = 50): Promise<PointsLedgerPage> {
      const rows = await ledgerRange(db, customerId).reverse().offset(offset).limit(limit + 1).toArray();
      return { entries: rows.slice(0, limit), more: rows.length > limit };
    },

    /** The owner's points rules in force (the defaults when none are saved), and whether saved ones no longer read. */
    async rules(): Promise<{ rules: PointsRules; unreadable: boolean }> {
      return pointsRulesFrom((await db.settings.get(POINTS_RULES_KEY))?.value);
    },

    /**
     * Saves the owner's points rules (cleaned by validatePointsRules; refused with 'rules-invalid' otherwise).
     * What was already earned stays: the rules apply to what is earned from now on.
     */
    async saveRules(rules: PointsRules): Promise<PointsRules> {
      const checked = validatePointsRules(rules);
      if (!checked.ok) throw new PointsRefusedError('rules-invalid');
      await writeTransaction(db, ['settings'], [], async () => {
        await db.settings.put({ key: POINTS_RULES_KEY, value: checked.value });
        await recordAudit(db, deps, { kind: 'settings.change', facts: { key: POINTS_RULES_KEY, value: null } });
      });
      return checked.value;
    },

    /**
     * The owner's manual adjustment ('points.adjust'): a signed whole number of points with the reason as
     * typed (kept on the entry, not in the audit trail). May take a balance below zero. Points added are a
     * batch like earned ones, expiring by the policy in force now.
     */
    async adjust(customerId: string, points: number, reason: string): Promise<PointsEntry> {
      if (!Number.isSafeInteger(points) || points === 0) throw new PointsRefusedError('points-invalid');
      const note = reason.replace(/\s+/g, ' ').trim();
      if (note === '' || [...note].length > ADJUST_REASON_MAX) throw new PointsRefusedError('adjust-reason-required');
      return writeTransaction(db, ['points'], ['customers'], async () => {
        await requireActiveCustomer(customerId);
        const now = deps.now();
        const expiresAt = points > 0 ? batchExpiresAt(await readPointsRules(db), now) : null;
        const entry = pointsEntry({ customerId, kind: 'adjust', points, createdAt: now.toISOString(), expiresAt, note }, deps.newId);
        await store([entry]);
        await recordAudit(db, deps, { kind: 'points.adjust', customerIds: [customerId], refs: [entry.id], facts: { points } });
        return entry;
      });
    },

    /**
     * Redeems a reward outside a purchase (a gift, a free service): checked by canRedeem against what the
     * customer may spend now, a gift's stock taken by one; refused with the reason's code.
     */
    async redeemReward(customerId: string, rewardId: string): Promise<PointsEntry> {
      return writeTransaction(db, ['points', 'rewards'], ['customers'], async () => {
        const customer = await requireActiveCustomer(customerId);
        const reward = await db.rewards.get(rewardId);
        if (!reward) throw new PointsRefusedError('reward-not-found');
        const now = deps.now();
        const allowed = canRedeem(reward, customer, await availablePoints(db, customerId, now), now);
        if (!allowed.ok) throw new PointsRefusedError(allowed.reason);
        const entry = redeemEntry({ customerId, points: reward.pointsCost, at: now.toISOString(), purchaseId: null, rewardId }, deps.newId);
        await store([entry]);
        if (reward.kind === 'gift' && reward.stock !== null) await db.rewards.put({ ...reward, stock: reward.stock - 1 });
        await recordAudit(db, deps, { kind: 'points.redeem', customerIds: [customerId], refs: [rewardId, entry.id], facts: { points: reward.pointsCost, rewardKind: reward.kind } });
        return entry;
      });
    },

    /** The catalogue, withdrawn rewards included (the history names them), by name. */
    async rewards(): Promise<Reward[]> {
      const rows = await db.rewards.toArray();
      return rows.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
    },

    /** Adds or edits a reward (validateReward against the tiers in force; refused with 'reward-invalid'). */
    async saveReward(reward: Reward): Promise<Reward> {
      return writeTransaction(db, ['rewards'], ['settings'], async () => {
        const status = await settings.statusRules();
        const checked = validateReward(reward, status.scheme.tiers.map((t) => t.id));
        if (!checked.ok) throw new PointsRefusedError('reward-invalid');
        const existed = (await db.rewards.get(reward.id)) !== undefined;
        await db.rewards.put(checked.value);
        await recordAudit(db, deps, { kind: 'rewards.change', refs: [reward.id], facts: { change: existed ? 'edited' : 'created' } });
        return checked.value;
      });
    },

    /** Withdraws a reward from the catalogue: kept for the history that names it, no longer redeemable. */
    async withdrawReward(rewardId: string): Promise<void> {
      await writeTransaction(db, ['rewards'], [], async () => {
        const reward = await db.rewards.get(rewardId);
        if (!reward) throw new PointsRefusedError('reward-not-found');
        if (!reward.active) return;
        await db.rewards.put({ ...reward, active: false });
        await recordAudit(db, deps, { kind: 'rewards.change', refs: [rewardId], facts: { change: 'withdrawn' } });
      });
    },

    /**
     * The daily rollover's points: every customer with points expiring within 30 days (read from the
     * next-expiry index, never every customer) gets an expire entry for each batch whose expiry has come
     * (never twice: rolloverExpiries skips a batch written off) and their points derived again as of now,
     * so "expiring soon" moves with the days. One audit entry per chunk that expired points.
     */
    async rolloverExpiries(onProgress?: (p: RecomputeProgress) => void): Promise<{ customers: number; expired: number; points: number }> {
      const now = deps.now();
      const until = addDays(now, POINTS_SOON_DAYS).toISOString();
      const ids = (await db.pointsState.where('pointsNextExpiryAt').belowOrEqual(until).primaryKeys()) as string[];
      let expired = 0;
      let points = 0;
      onProgress?.({ done: 0, total: ids.length });
      for (let i = 0; i < ids.length; i += POINTS_CHUNK) {
        const part = ids.slice(i, i + POINTS_CHUNK);
        await writeTransaction(db, ['points'], [], async () => {
          const ledgers = await ledgersOf(db, part);
          const written: PointsEntry[] = [];
          const fields = new Map(
            part.map((id) => {
              const entries = ledgers.get(id)!;
              const out = rolloverExpiries(derivePointsLedger(entries), id, now, deps.newId);
              written.push(...out);
              return [id, pointsFieldsOf(out.length ? [...entries, ...out] : entries, now)] as const;
            }),
          );
          if (written.length) {
            await db.pointsEntries.bulkAdd(written);
            await notePointsEntries(db, written, []);
          }
          await writePointsFields(db, fields);
          if (written.length) {
            const customers = [...new Set(written.map((e) => e.customerId))];
            const sum = -written.reduce((s, e) => s + e.points, 0);
            expired += customers.length;
            points += sum;
            await recordAudit(db, deps, { kind: 'points.expire', customerIds: customers, facts: { customers: customers.length, points: sum } });
          }
        });
        onProgress?.({ done: Math.min(i + POINTS_CHUNK, ids.length), total: ids.length });
      }
      return { customers: ids.length, expired, points };
    },

    /**
     * The daily rollover's birthday gifts (rules.birthdayGift points, a 'bonus' entry whose rule names the birthday):
     * to every customer in the store (not in the trash, not erased) whose birthday was today or within
     * BIRTHDAY_GIFT_GRACE_DAYS before (the first run after days the app was closed gives it), never twice
     * (birthdayGiftDue reads their ledger). No index holds birthdays: the customers are read once, outside the
     * writes, for the few whose birthday it may be, and each of those is read again in the write that gives.
     */
    async birthdayGifts(): Promise<{ customers: number; points: number }> {
      const now = deps.now();
      const rules = await readPointsRules(db);
      if (rules.birthdayGift <= 0) return { customers: 0, points: 0 };
      const candidates: string[] = [];
      await db.customers
        .where('[isDeleted+createdAt]')
        .between([0, Dexie.minKey], [0, Dexie.maxKey])
        .each((c) => {
          if (c.birthday !== null && c.id !== ANONYMOUS_CUSTOMER_ID && birthdayGiftDue(rules, c.birthday, [], now, c.createdAt)) candidates.push(c.id);
        });
      let customers = 0;
      let points = 0;
      for (let i = 0; i < candidates.length; i += POINTS_CHUNK) {
        const part = candidates.slice(i, i + POINTS_CHUNK);
        await writeTransaction(db, ['points'], ['customers', 'erasures'], async () => {
          const [records, erased, ledgers] = await Dexie.Promise.all([
            db.customers.bulkGet(part),
            db.erasures.bulkGet(part),
            ledgersOf(db, part),
          ]);
          const written: PointsEntry[] = [];
          part.forEach((id, j) => {
            const c = records[j];
            if (!c || c.isDeleted !== 0 || erased[j]) return;
            const due = birthdayGiftDue(rules, c.birthday, ledgers.get(id)!, now, c.createdAt);
            if (due) written.push(pointsEntry({ customerId: id, kind: 'bonus', points: due.points, createdAt: now.toISOString(), expiresAt: due.expiresAt, rule: due.rule }, deps.newId));
          });
          if (written.length === 0) return;
          await store(written);
          customers += written.length;
          points += written.reduce((sum, e) => sum + e.points, 0);
          await recordAudit(db, deps, { kind: 'points.birthdayGift', customerIds: written.map((e) => e.customerId), facts: { customers: written.length, points: written[0]!.points } });
        });
      }
      return { customers, points };
    },

    /** Every customer's points derived again from the ledger (a repair; it writes only rows that differ). */
    recomputeAll,
  };
}

export type PointsRepository = ReturnType<typeof createPointsRepository>;
