// The status-rules form: settings turned into editable text and back, with every problem named per field.
import type { ChurnRules } from '../../../shared/domain/churn';
import { validateChurnRules } from '../../../shared/domain/churn';
import { DEFAULT_CHURN_MODEL_SETTINGS, validateChurnModelSettings, type ChurnModelSettings, type HighCap } from '../../../shared/domain/churnModel/levels';
import type { StatusSettings } from '../../../shared/domain/customerStatus';
import type { LifecycleRules } from '../../../shared/domain/lifecycle';
import { validateLifecycleRules } from '../../../shared/domain/lifecycle';
import { minorUnitsToDecimal, parseMoney, type Currency } from '../../../shared/domain/money';
import { RFM_GROUPS, type RfmGroup, type StatusGrouping } from '../../../shared/domain/statusGroups';
import { isValidTierBenefits, TIER_LIMITS, tierName, validateTierScheme, type TierBenefits, type TierName, type TierSchemeError } from '../../../shared/domain/tiers';
import { err, ok, type Result } from '../../../shared/result';

type Locale = 'zh-CN' | 'zh-TW' | 'en';

export interface BenefitsDraft {
  discountPercent: string;
  pointsMultiplier: string;
  contactCadenceDays: string;
}

export interface TierDraft {
  id: string;
  /** The stored name; kept (in all three languages) unless the owner changes the text shown. */
  storedName: TierName | null;
  name: string;
  minSpend: string;
  minPurchases: string;
  /** Empty: no recency requirement. */
  maxDays: string;
  benefits: BenefitsDraft;
}

export type LifecycleDraft = Record<Exclude<keyof LifecycleRules, 'atRiskFrom'>, string> & Pick<LifecycleRules, 'atRiskFrom'>;
export type ChurnDraft = Record<keyof ChurnRules, string>;

/**
 * The churn model's owner thresholds as typed: chances in whole percent, the high level's cap as a share
 * of the customers or a count; the visits needed and the spend fall are kept as saved (no field yet).
 */
export interface ChurnModelDraft {
  watchBelowPercent: string;
  highBelowPercent: string;
  capKind: HighCap['kind'];
  capPercent: string;
  capCount: string;
  minVisits: number;
  spendDropPercent: number;
}

export interface RulesDraft {
  grouping: StatusGrouping;
  windowMonths: string;
  reviewEveryMonths: string;
  /** Highest first; the last is the floor (no thresholds). */
  tiers: TierDraft[];
  rfmBenefits: Record<RfmGroup, BenefitsDraft>;
  lifecycle: LifecycleDraft;
  churn: ChurnDraft;
  churnModel: ChurnModelDraft;
}

/**
 * Field problems by path ('windowMonths', 'tiers.2.minSpend', 'rfmBenefits.lost.discountPercent',
 * 'lifecycle.churnMinDays', 'churn.highGapMultiple'); codes are translated by the screen
 * (statusRules.errors.<code>).
 */
export type FieldErrors = Record<string, RuleFieldError>;
export type RuleFieldError = 'required' | 'too-long' | 'whole-number' | 'number' | 'money-invalid' | 'money-too-large' | 'out-of-range';

export interface RulesProblems {
  fields: FieldErrors;
  /** Whole-scheme problems (order of tiers, limits) that no single field owns. */
  scheme: TierSchemeError[];
}

const DEFAULT_CAP_PERCENT = DEFAULT_CHURN_MODEL_SETTINGS.highCap.kind === 'share' ? DEFAULT_CHURN_MODEL_SETTINGS.highCap.percent : 5;

const benefitsDraft = (b: TierBenefits): BenefitsDraft => ({
  discountPercent: String(b.discountPercent),
  pointsMultiplier: String(b.pointsMultiplier),
  contactCadenceDays: String(b.contactCadenceDays),
});

export function draftOf(status: StatusSettings, currency: Currency, locale: Locale): RulesDraft {
  const { scheme, lifecycleRules: l, churnRules: c, churnModel: m } = status;
  const percent = (chance: number) => String(Math.round(chance * 1000) / 10);
  return {
    grouping: status.grouping,
    windowMonths: String(scheme.windowMonths),
    reviewEveryMonths: String(scheme.reviewEveryMonths),
    tiers: scheme.tiers.map((t) => ({
      id: t.id,
      storedName: t.name,
      name: tierName(t, locale),
      minSpend: minorUnitsToDecimal(t.minSpendFen, currency),
      minPurchases: String(t.minPurchases),
      maxDays: t.maxDaysSinceLastPurchase === null ? '' : String(t.maxDaysSinceLastPurchase),
      benefits: benefitsDraft(t.benefits),
    })),
    rfmBenefits: Object.fromEntries(RFM_GROUPS.map((g) => [g, benefitsDraft(status.rfmBenefits[g])])) as Record<RfmGroup, BenefitsDraft>,
    lifecycle: {
      loyalMinPurchases: String(l.loyalMinPurchases),
      loyalMinMonths: String(l.loyalMinMonths),
      churnGapMultiple: String(l.churnGapMultiple),
      churnMinDays: String(l.churnMinDays),
      atRiskFrom: l.atRiskFrom,
    },
    churn: {
      minOwnGaps: String(c.minOwnGaps),
      watchGapMultiple: String(c.watchGapMultiple),
      highGapMultiple: String(c.highGapMultiple),
      spendDropPercent: String(c.spendDropPercent),
      trendMonths: String(c.trendMonths),
    },
    churnModel: {
      watchBelowPercent: percent(m.watchBelow),
      highBelowPercent: percent(m.highBelow),
      capKind: m.highCap.kind,
      // The other kind's box starts at the default share, or empty for a count: switching kinds shows a sensible value.
      capPercent: m.highCap.kind === 'share' ? String(m.highCap.percent) : String(DEFAULT_CAP_PERCENT),
      capCount: m.highCap.kind === 'count' ? String(m.highCap.count) : '',
      minVisits: m.minVisits,
      spendDropPercent: m.spendDropPercent,
    },
  };
}

/** A new tier just above the floor, with the floor's benefits and no thresholds yet for the owner to fill in. */
export function withNewTier(draft: RulesDraft, id: string): RulesDraft {
  const floor = draft.tiers[draft.tiers.length - 1]!;
  const added: TierDraft = { id, storedName: null, name: '', minSpend: '', minPurchases: '', maxDays: '', benefits: { ...floor.benefits } };
  return { ...draft, tiers: [...draft.tiers.slice(0, -1), added, floor] };
}

/** Without the tier; the floor cannot be removed (every customer needs a tier). */
export function withoutTier(draft: RulesDraft, id: string): RulesDraft {
  const i = draft.tiers.findIndex((t) => t.id === id);
  if (i < 0 || i === draft.tiers.length - 1) return draft;
  return { ...draft, tiers: draft.tiers.filter((t) => t.id !== id) };
}

/** Swaps a tier with the one above (-1) or below (+1); the floor stays last. */
export function withTierMoved(draft: RulesDraft, id: string, by: -1 | 1): RulesDraft {
  const i = draft.tiers.findIndex((t) => t.id === id);
  const j = i + by;
  const floor = draft.tiers.length - 1;
  if (i < 0 || i === floor || j < 0 || j >= floor) return draft;
  const tiers = [...draft.tiers];
  [tiers[i], tiers[j]] = [tiers[j]!, tiers[i]!];
  return { ...draft, tiers };
}

const SHOWN_AT_FIELDS = new Set<TierSchemeError>(['window-invalid', 'review-invalid', 'threshold-invalid', 'benefit-invalid', 'tier-name-empty', 'tier-name-too-long']);
const WHOLE = /^\d+$/;
const DECIMAL = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const clean = (s: string) => s.normalize('NFKC').trim();

class Reader {
  readonly fields: FieldErrors = {};

  whole(path: string, text: string): number {
    const t = clean(text);
    if (t === '') return this.fail(path, 'required');
    if (!WHOLE.test(t)) return this.fail(path, 'whole-number');
    return Number(t);
  }

  decimal(path: string, text: string): number {
    const t = clean(text);
    if (t === '') return this.fail(path, 'required');
    if (!DECIMAL.test(t)) return this.fail(path, 'number');
    return Number(t);
  }

  money(path: string, text: string, currency: Currency): number {
    if (clean(text) === '') return this.fail(path, 'required');
    const parsed = parseMoney(text, currency);
    if (!parsed.ok) return this.fail(path, parsed.reason);
    if (parsed.value < 0) return this.fail(path, 'out-of-range');
    return parsed.value;
  }

  fail(path: string, code: RuleFieldError): number {
    this.fields[path] ??= code;
    return Number.NaN;
  }
}

function readBenefits(r: Reader, path: string, b: BenefitsDraft): TierBenefits {
  const benefits = {
    discountPercent: r.decimal(`${path}.discountPercent`, b.discountPercent),
    pointsMultiplier: r.decimal(`${path}.pointsMultiplier`, b.pointsMultiplier),
    contactCadenceDays: r.whole(`${path}.contactCadenceDays`, b.contactCadenceDays),
  };
  if (!isValidTierBenefits({ ...benefits })) {
    // Name the field that is out of range, so the owner sees where.
    if (!(benefits.discountPercent >= 0 && benefits.discountPercent <= 100)) r.fail(`${path}.discountPercent`, 'out-of-range');
    if (!(benefits.pointsMultiplier > 0 && benefits.pointsMultiplier <= 100)) r.fail(`${path}.pointsMultiplier`, 'out-of-range');
    if (!(benefits.contactCadenceDays >= 1 && benefits.contactCadenceDays <= 3650)) r.fail(`${path}.contactCadenceDays`, 'out-of-range');
  }
  return benefits;
}

/**
 * The settings the draft describes, or every problem: text that is not a number, a value out of range
 * (named at its field), and whole-scheme problems (tiers out of order, names) from the domain's validator.
 */
export function settingsOf(draft: RulesDraft, currency: Currency, locale: Locale): Result<StatusSettings, RulesProblems> {
  const r = new Reader();
  const floorIndex = draft.tiers.length - 1;
  const tiers = draft.tiers.map((t, i) => {
    const path = `tiers.${i}`;
    const name = clean(t.name);
    if (name === '') r.fail(`${path}.name`, 'required');
    else if ([...name].length > TIER_LIMITS.maxNameLength) r.fail(`${path}.name`, 'too-long');
    const keepStored = t.storedName !== null && name === tierName({ name: t.storedName }, locale);
    const floor = i === floorIndex;
    return {
      id: t.id,
      name: keepStored ? t.storedName! : name,
      minSpendFen: floor ? 0 : r.money(`${path}.minSpend`, t.minSpend, currency),
      minPurchases: floor ? 0 : r.whole(`${path}.minPurchases`, t.minPurchases),
      maxDaysSinceLastPurchase: floor || clean(t.maxDays) === '' ? null : r.whole(`${path}.maxDays`, t.maxDays),
      benefits: readBenefits(r, `${path}.benefits`, t.benefits),
    };
  });
  const windowMonths = r.whole('windowMonths', draft.windowMonths);
  const reviewEveryMonths = r.whole('reviewEveryMonths', draft.reviewEveryMonths);
  const rfmBenefits = Object.fromEntries(RFM_GROUPS.map((g) => [g, readBenefits(r, `rfmBenefits.${g}`, draft.rfmBenefits[g])])) as Record<RfmGroup, TierBenefits>;
  const lifecycleRules: LifecycleRules = {
    loyalMinPurchases: r.whole('lifecycle.loyalMinPurchases', draft.lifecycle.loyalMinPurchases),
    loyalMinMonths: r.whole('lifecycle.loyalMinMonths', draft.lifecycle.loyalMinMonths),
    churnGapMultiple: r.decimal('lifecycle.churnGapMultiple', draft.lifecycle.churnGapMultiple),
    churnMinDays: r.whole('lifecycle.churnMinDays', draft.lifecycle.churnMinDays),
    atRiskFrom: draft.lifecycle.atRiskFrom,
  };
  const churnRules: ChurnRules = {
    minOwnGaps: r.whole('churn.minOwnGaps', draft.churn.minOwnGaps),
    watchGapMultiple: r.decimal('churn.watchGapMultiple', draft.churn.watchGapMultiple),
    highGapMultiple: r.decimal('churn.highGapMultiple', draft.churn.highGapMultiple),
    spendDropPercent: r.decimal('churn.spendDropPercent', draft.churn.spendDropPercent),
    trendMonths: r.whole('churn.trendMonths', draft.churn.trendMonths),
  };

  const m = draft.churnModel;
  const churnModel: ChurnModelSettings = {
    watchBelow: r.decimal('churnModel.watchBelow', m.watchBelowPercent) / 100,
    highBelow: r.decimal('churnModel.highBelow', m.highBelowPercent) / 100,
    highCap: m.capKind === 'share' ? { kind: 'share', percent: r.decimal('churnModel.highCap', m.capPercent) } : { kind: 'count', count: r.whole('churnModel.highCap', m.capCount) },
    minVisits: m.minVisits,
    spendDropPercent: m.spendDropPercent,
  };
  const model = validateChurnModelSettings(churnModel);
  if (!model.ok) for (const key of Object.keys(model.reason)) r.fail(`churnModel.${key}`, 'out-of-range');

  const lifecycle = validateLifecycleRules(lifecycleRules);
  if (!lifecycle.ok) for (const key of Object.keys(lifecycle.reason)) r.fail(`lifecycle.${key}`, 'out-of-range');
  const churn = validateChurnRules(churnRules);
  if (!churn.ok) for (const key of Object.keys(churn.reason)) r.fail(`churn.${key}`, 'out-of-range');
  const scheme = validateTierScheme({ kind: 'thresholds', windowMonths, reviewEveryMonths, tiers });
  let schemeErrors: TierSchemeError[] = [];
  if (!scheme.ok) {
    if (scheme.reason.includes('window-invalid')) r.fail('windowMonths', 'out-of-range');
    if (scheme.reason.includes('review-invalid')) r.fail('reviewEveryMonths', 'out-of-range');
    // What a field already shows (a number that is no number, an empty name) is not repeated above the form.
    const hasFieldErrors = Object.keys(r.fields).length > 0;
    schemeErrors = scheme.reason.filter((c) => !(hasFieldErrors && SHOWN_AT_FIELDS.has(c)));
  }
  if (Object.keys(r.fields).length > 0 || schemeErrors.length > 0 || !scheme.ok) return err({ fields: r.fields, scheme: schemeErrors });
  return ok({ grouping: draft.grouping, scheme: scheme.value, rfmBenefits, lifecycleRules, churnRules, churnModel });
}
