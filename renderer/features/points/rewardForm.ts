// The reward form: a catalogue entry as editable text and back, each problem named at its field.
import { minorUnitsToDecimal, parseMoney, type Currency } from '../../../shared/domain/money';
import { REWARD_KINDS, type Reward, type RewardError, type RewardKind } from '../../../shared/domain/rewards';
import { err, ok, type Result } from '../../../shared/result';

export interface RewardDraft {
  name: string;
  kind: RewardKind;
  pointsCost: string;
  /** gift: units left; empty: not counted. */
  stock: string;
  /** voucher: money text. */
  voucher: string;
  percentOff: string;
  /** yyyy-MM-dd or empty (open). */
  validFrom: string;
  validTo: string;
  tiersAllowed: string[];
  active: boolean;
}

export type RewardField = 'name' | 'kind' | 'pointsCost' | 'stock' | 'voucher' | 'percentOff' | 'validFrom' | 'validTo' | 'tiersAllowed';
export type RewardFieldError = 'required' | 'whole-number' | 'number' | 'money-invalid' | 'money-too-large';
export type RewardFieldErrors = Partial<Record<RewardField, RewardFieldError>>;

/** The field each validateReward code is shown at. */
export const FIELD_OF_REWARD_ERROR: Readonly<Record<RewardError, RewardField>> = {
  'reward-name-empty': 'name',
  'reward-name-too-long': 'name',
  'reward-kind-invalid': 'kind',
  'points-cost-invalid': 'pointsCost',
  'stock-invalid': 'stock',
  'voucher-amount-invalid': 'voucher',
  'percent-invalid': 'percentOff',
  'valid-dates-invalid': 'validFrom',
  'valid-dates-order': 'validTo',
  'tiers-invalid': 'tiersAllowed',
};

export function newReward(id: string): Reward {
  return { id, name: '', kind: 'gift', pointsCost: 0, stock: null, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true };
}

export function draftOfReward(r: Reward, currency: Currency): RewardDraft {
  return {
    name: r.name,
    kind: r.kind,
    pointsCost: r.pointsCost > 0 ? String(r.pointsCost) : '',
    stock: r.stock === null ? '' : String(r.stock),
    voucher: r.voucherFen === null ? '' : minorUnitsToDecimal(r.voucherFen, currency),
    percentOff: r.percentOff === null ? '' : String(r.percentOff),
    validFrom: r.validFrom ?? '',
    validTo: r.validTo ?? '',
    tiersAllowed: [...r.tiersAllowed],
    active: r.active,
  };
}

/**
 * Reads the draft into a reward for validateReward (which checks ranges, dates and tiers next), or every
 * field that cannot be read as a number. Fields the kind does not use are not read.
 */
export function rewardOf(d: RewardDraft, id: string, currency: Currency): Result<Reward, RewardFieldErrors> {
  const errors: RewardFieldErrors = {};
  const int = (field: 'pointsCost' | 'stock' | 'percentOff', required: boolean): number | null => {
    const text = d[field].normalize('NFKC').trim();
    if (text === '') {
      if (required) errors[field] = 'required';
      return null;
    }
    if (!/^-?\d+$/.test(text)) {
      errors[field] = /^-?\d*\.\d+$/.test(text) ? 'whole-number' : 'number';
      return null;
    }
    return Number(text);
  };
  const kind = (REWARD_KINDS as readonly string[]).includes(d.kind) ? d.kind : 'gift';
  const pointsCost = int('pointsCost', true) ?? 0;
  const stock = kind === 'gift' ? int('stock', false) : null;
  const percentOff = kind === 'percent-off' ? int('percentOff', true) : null;
  let voucherFen: number | null = null;
  if (kind === 'voucher') {
    const text = d.voucher.trim();
    if (text === '') errors.voucher = 'required';
    else {
      const r = parseMoney(text, currency);
      if (r.ok) voucherFen = r.value;
      else errors.voucher = r.reason;
    }
  }
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({
    id,
    name: d.name,
    kind,
    pointsCost,
    stock,
    voucherFen,
    percentOff,
    validFrom: d.validFrom.trim() === '' ? null : d.validFrom.trim(),
    validTo: d.validTo.trim() === '' ? null : d.validTo.trim(),
    tiersAllowed: d.tiersAllowed,
    active: d.active,
  });
}
