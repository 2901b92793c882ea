import { describe, expect, it } from 'vitest';
import { SPEND_LADDER } from '../../test/factories/tierScheme';
import { utcDayOf } from './customerFigures';
import { tierBeforeMistake, type CorrectionInput, type CorrectionPurchase, type TierMove } from './tierCorrection';

const scheme = SPEND_LADDER;

let seq = 0;
/** A purchase dated and recorded on `day` (recorded at noon, dated at ten). */
const buy = (day: string, totalFen: number, extra: Partial<CorrectionPurchase> = {}): CorrectionPurchase => ({
  id: `p-${++seq}`,
  purchasedAt: `${day}T10:00:00.000Z`,
  createdAt: `${day}T12:00:00.000Z`,
  totalFen,
  isVoided: 0,
  returnOf: null,
  ...extra,
});
const move = (day: string, from: string | null, to: string): TierMove => ({ at: `${day}T12:00:00.000Z`, from, to });
const voided = (p: CorrectionPurchase): CorrectionPurchase => ({ ...p, isVoided: 1 });
const replace = (list: CorrectionPurchase[], was: CorrectionPurchase, now: CorrectionPurchase | null) => list.flatMap((p) => (p.id === was.id ? (now ? [now] : []) : [p]));

function correct(input: Omit<CorrectionInput, 'scheme' | 'dayOf'>): string | null {
  return tierBeforeMistake({ ...input, scheme, dayOf: utcDayOf });
}

describe('tierBeforeMistake', () => {
  it('takes back the upgrade a voided purchase alone caused: to the tier held before it', () => {
    const real = buy('2026-01-05', 600_000);
    const mistake = buy('2026-02-01', 900_000);
    const before = [real, mistake];
    const history = [move('2026-01-05', 'basic', 'gold'), move('2026-02-01', 'gold', 'platinum')];
    expect(correct({ current: 'platinum', history, before, after: replace(before, mistake, voided(mistake)), since: mistake.createdAt })).toBe('gold');
  });

  it('an edit down keeps what the corrected amount still reaches, no more', () => {
    const real = buy('2026-01-05', 150_000);
    // 9,000 typed as 900,000 lifted silver to platinum; as 9,000 it reaches nothing above silver.
    const mistake = buy('2026-02-01', 900_000);
    const before = [real, mistake];
    const history = [move('2026-01-05', 'basic', 'silver'), move('2026-02-01', 'silver', 'platinum')];
    const fixed = { ...mistake, totalFen: 9_000 };
    expect(correct({ current: 'platinum', history, before, after: replace(before, mistake, fixed), since: mistake.createdAt })).toBe('silver');
    // 400,000 instead of 900,000: gold was still earned that day.
    const partly = { ...mistake, totalFen: 400_000 };
    expect(correct({ current: 'platinum', history, before, after: replace(before, mistake, partly), since: mistake.createdAt })).toBe('gold');
  });

  it('a date moved out of the window: the upgrade is checked on its own day with the new date', () => {
    const real = buy('2026-01-05', 600_000);
    const mistake = buy('2026-03-01', 500_000);
    const before = [real, mistake];
    const history = [move('2026-01-05', 'basic', 'gold'), move('2026-03-01', 'gold', 'platinum')];
    const backdated = { ...mistake, purchasedAt: '2024-03-01T10:00:00.000Z' };
    expect(correct({ current: 'platinum', history, before, after: replace(before, mistake, backdated), since: mistake.createdAt })).toBe('gold');
  });

  it('an upgrade after the mistake that the real purchases earned anyway stands', () => {
    const real = buy('2026-01-05', 150_000);
    const mistake = buy('2026-02-01', 400_000); // silver → gold
    const big = buy('2026-03-01', 900_000); // → platinum with or without the mistake
    const before = [real, mistake, big];
    const history = [move('2026-01-05', 'basic', 'silver'), move('2026-02-01', 'silver', 'gold'), move('2026-03-01', 'gold', 'platinum')];
    expect(correct({ current: 'platinum', history, before, after: replace(before, mistake, voided(mistake)), since: mistake.createdAt })).toBe('platinum');
    // Had the later upgrade needed the mistake (700,000 alone reaches gold only, with the mistake platinum), it goes as far as the rest reach.
    const smaller = { ...big, totalFen: 750_000 };
    const before2 = [real, mistake, smaller];
    expect(correct({ current: 'platinum', history, before: before2, after: replace(before2, mistake, voided(mistake)), since: mistake.createdAt })).toBe('gold');
  });

  it('never below what a review granted after the mistake, never above the tier held now', () => {
    const real = buy('2025-12-01', 600_000);
    const mistake = buy('2026-01-10', 500_000);
    const before = [real, mistake];
    const after = replace(before, mistake, voided(mistake));
    // The review moved platinum down to gold: gold stands.
    const reviewedToGold = [move('2025-12-01', 'basic', 'gold'), move('2026-01-10', 'gold', 'platinum'), move('2026-04-01', 'platinum', 'gold')];
    expect(correct({ current: 'gold', history: reviewedToGold, before, after, since: mistake.createdAt })).toBe('gold');
    // The review took them to silver: the correction does not lift them.
    const reviewedToSilver = [move('2025-12-01', 'basic', 'gold'), move('2026-01-10', 'gold', 'platinum'), move('2026-04-01', 'platinum', 'silver')];
    expect(correct({ current: 'silver', history: reviewedToSilver, before, after, since: mistake.createdAt })).toBe('silver');
  });

  it('starts from the tier held before: the last move before the mistake, the first move’s origin, or the tier held', () => {
    const real = buy('2025-06-01', 600_000);
    const mistake = buy('2026-02-01', 900_000);
    const before = [real, mistake];
    const after = replace(before, mistake, voided(mistake));
    // Gold was held before (granted long ago); the mistake's upgrade is the only move since.
    expect(correct({ current: 'platinum', history: [move('2026-02-01', 'gold', 'platinum')], before, after, since: mistake.createdAt })).toBe('gold');
    // A first assignment (from null) starts from the floor.
    expect(correct({ current: 'platinum', history: [move('2026-02-01', null, 'platinum')], before, after, since: mistake.createdAt })).toBe('gold');
    // No move at all: nothing to take back.
    expect(correct({ current: 'gold', history: [], before, after, since: mistake.createdAt })).toBe('gold');
  });

  it('an import undone: several purchases at once, the earliest recording decides where the replay starts', () => {
    const real = buy('2025-11-01', 150_000);
    const imported = [buy('2026-02-01', 300_000), buy('2026-02-01', 300_000)];
    const before = [real, ...imported];
    const history = [move('2025-11-01', 'basic', 'silver'), move('2026-02-01', 'silver', 'gold')];
    expect(correct({ current: 'gold', history, before, after: [real], since: imported[0]!.createdAt })).toBe('silver');
  });

  it('does not guess when the rules changed under the history or the history does not end on the tier held', () => {
    const mistake = buy('2026-02-01', 900_000);
    const before = [mistake];
    const after = [voided(mistake)];
    expect(correct({ current: 'platinum', history: [move('2026-02-01', 'vip', 'platinum')], before, after, since: mistake.createdAt })).toBeNull();
    expect(correct({ current: 'platinum', history: [move('2026-01-01', 'basic', 'gold')], before, after, since: mistake.createdAt })).toBeNull();
    expect(correct({ current: 'rfm:champions', history: [], before, after, since: mistake.createdAt })).toBeNull();
  });
});
