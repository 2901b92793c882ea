// Churn levels from the model's figures: who is worth a call, no more than the store can call, with the reason as data.
import { err, ok, type Result } from '../../result';
import type { ChurnLevel } from '../churn';
import type { CustomerScore } from './scoring';

/** How many the high level may hold: a share of the scored customers or a fixed count. */
export type HighCap = { kind: 'share'; percent: number } | { kind: 'count'; count: number };

export interface ChurnModelSettings {
  /** Flagged (watch) when the chance they are still a customer is below this (0–1). */
  watchBelow: number;
  /** Candidates for high below this chance (0–1, ≤ watchBelow); the ones with most value at risk fill the cap. */
  highBelow: number;
  highCap: HighCap;
  /** Only customers with at least this many visit days are flagged: a one-time buyer has no rhythm to miss. */
  minVisits: number;
  /** A spend fall of at least this percent (but not all of it: the days since say that) is carried into the reason. */
  spendDropPercent: number;
}

export const DEFAULT_CHURN_MODEL_SETTINGS: Readonly<ChurnModelSettings> = Object.freeze({
  watchBelow: 0.5,
  highBelow: 0.3,
  highCap: Object.freeze({ kind: 'share', percent: 5 }) as HighCap,
  minVisits: 2,
  spendDropPercent: 40,
});

export type ChurnModelSettingErrors = Partial<Record<keyof ChurnModelSettings, 'rule-invalid'>>;

export function validateChurnModelSettings(s: ChurnModelSettings): Result<ChurnModelSettings, ChurnModelSettingErrors> {
  const errors: ChurnModelSettingErrors = {};
  const chance = (v: number) => Number.isFinite(v) && v > 0 && v < 1;
  if (!chance(s.watchBelow)) errors.watchBelow = 'rule-invalid';
  if (!chance(s.highBelow) || s.highBelow > s.watchBelow) errors.highBelow = 'rule-invalid';
  const cap = s.highCap;
  if (cap.kind === 'share' ? !(Number.isFinite(cap.percent) && cap.percent > 0 && cap.percent <= 100) : !(Number.isInteger(cap.count) && cap.count >= 0)) {
    errors.highCap = 'rule-invalid';
  }
  if (!Number.isInteger(s.minVisits) || s.minVisits < 1 || s.minVisits > 100) errors.minVisits = 'rule-invalid';
  if (!Number.isFinite(s.spendDropPercent) || s.spendDropPercent < 1 || s.spendDropPercent > 100) errors.spendDropPercent = 'rule-invalid';
  return Object.keys(errors).length > 0 ? err(errors) : ok({ ...s });
}

/** A chance in the words a clerk reads: "about 1 in 5" below one half, "about 70%" from one half up. */
export type RoughChance = { kind: 'one-in'; n: number } | { kind: 'percent'; percent: number } | { kind: 'below-one-percent' };

export function roughChance(p: number): RoughChance {
  if (p < 0.01) return { kind: 'below-one-percent' };
  if (p < 0.5) return { kind: 'one-in', n: Math.round(1 / p) };
  return { kind: 'percent', percent: Math.min(99, Math.round(p * 10) * 10) };
}

/**
 * - 'too-few-visits': fewer visit days than minVisits (level none).
 * - 'still-coming': chance still a customer at or above watchBelow (level none).
 * - 'slipping': below watchBelow (watch), or below highBelow and within the cap (high);
 *   `overCap` when below highBelow but the cap was full of customers with more value at risk.
 */
export const CHURN_MODEL_REASON_CODES = ['too-few-visits', 'still-coming', 'slipping'] as const;
export type ChurnModelReasonCode = (typeof CHURN_MODEL_REASON_CODES)[number];

export interface ChurnModelReason {
  code: ChurnModelReasonCode;
  params: {
    /** Their own usual gap in whole days ('own'), or the store's for a one-time buyer ('store'); null when neither exists. */
    usualGapDays: number | null;
    basis: 'own' | 'store' | null;
    daysSinceLast: number;
    stillComing: RoughChance;
    /** Expected visits in the scoring horizon, to one decimal. */
    expectedVisits: number;
    /** Value at risk in the purchases' money unit, rounded to a whole unit. */
    valueAtRisk: number;
    overCap?: boolean;
    /** Whole percent, present only when spend fell by spendDropPercent or more. */
    spendChangePercent?: number;
  };
}

export interface ChurnModelLevel {
  id: string;
  level: ChurnLevel;
  reason: ChurnModelReason;
}

/** How many the cap lets into high out of `scored` customers. */
export function highCapCount(cap: HighCap, scored: number): number {
  return cap.kind === 'share' ? Math.floor((scored * cap.percent) / 100) : cap.count;
}

/**
 * Levels for every scored customer. High: below highBelow, by value at risk (largest first, ties by
 * lower chance, then id) up to the cap; the rest below watchBelow are watch.
 * `spendChanges` gives whole-percent spend changes by customer id (churn.ts spendChangePercent), when known.
 */
export function churnModelLevels(
  scores: readonly CustomerScore[],
  storeUsualGapDays: number | null,
  settings: ChurnModelSettings = DEFAULT_CHURN_MODEL_SETTINGS,
  spendChanges: ReadonlyMap<string, number> = new Map(),
): ChurnModelLevel[] {
  const candidates = highCandidates(scores, settings);
  const cap = highCapCount(settings.highCap, scores.length);
  const high = new Set(candidates.slice(0, cap).map((s) => s.id));
  return scores.map((s) => ({ id: s.id, ...churnModelLevelOf(s, storeUsualGapDays, settings, high.has(s.id), spendChanges.get(s.id)) }));
}

/** Who may be high (enough visits, chance below highBelow), most value at risk first (ties by lower chance, then id). */
function highCandidates(scores: readonly CustomerScore[], settings: ChurnModelSettings): CustomerScore[] {
  return scores
    .filter((s) => s.x + 1 >= settings.minVisits && s.pAlive < settings.highBelow)
    .sort((a, b) => b.valueAtRisk - a.valueAtRisk || a.pAlive - b.pAlive || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The value at risk from which a candidate for high is let in, so that high holds the cap's number of
 * customers as scored on the day of the fit: the value of the last one the cap lets in; 0 when the cap
 * holds every candidate; null when the cap lets nobody in. The app stores it with the fit, so one
 * customer's level is derived on their own (a purchase write) with the store-wide cap kept; customers
 * exactly tied with the last one are let in too.
 */
export function highCutoff(scores: readonly CustomerScore[], settings: ChurnModelSettings): number | null {
  const cap = highCapCount(settings.highCap, scores.length);
  if (cap <= 0) return null;
  const candidates = highCandidates(scores, settings);
  return candidates.length <= cap ? 0 : candidates[cap - 1]!.valueAtRisk;
}

/** Whether a scored customer is high under a stored cut-off (highCutoff). */
export function isHighUnder(s: CustomerScore, settings: ChurnModelSettings, cutoff: number | null): boolean {
  return cutoff !== null && s.x + 1 >= settings.minVisits && s.pAlive < settings.highBelow && s.valueAtRisk >= cutoff;
}

/** One customer's level and reason, given whether the cap let them into high. */
export function churnModelLevelOf(
  s: CustomerScore,
  storeUsualGapDays: number | null,
  settings: ChurnModelSettings,
  high: boolean,
  spendChange: number | undefined,
): Omit<ChurnModelLevel, 'id'> {
  const gap = s.ownGapDays ?? storeUsualGapDays;
  const params: ChurnModelReason['params'] = {
    usualGapDays: gap === null ? null : Math.round(gap),
    basis: s.ownGapDays !== null ? 'own' : storeUsualGapDays !== null ? 'store' : null,
    daysSinceLast: s.daysSinceLast,
    stillComing: roughChance(s.pAlive),
    expectedVisits: Math.round(s.expectedVisits * 10) / 10,
    valueAtRisk: Math.round(s.valueAtRisk),
  };
  // Nothing spent at all in the recent window is what the days since the last visit already say.
  if (spendChange !== undefined && spendChange <= -settings.spendDropPercent && spendChange > -100) params.spendChangePercent = spendChange;
  if (s.x + 1 < settings.minVisits) return { level: 'none', reason: { code: 'too-few-visits', params } };
  if (s.pAlive >= settings.watchBelow) return { level: 'none', reason: { code: 'still-coming', params } };
  if (high) return { level: 'high', reason: { code: 'slipping', params } };
  if (s.pAlive < settings.highBelow) params.overCap = true;
  return { level: 'watch', reason: { code: 'slipping', params } };
}
