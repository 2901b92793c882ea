// The reward form: a reward to text and back, the fields its kind does not use left out, and each unreadable field named.
import { describe, expect, it } from 'vitest';
import { REWARD_ERRORS, validateReward, type Reward } from '../../../shared/domain/rewards';
import { draftOfReward, FIELD_OF_REWARD_ERROR, newReward, rewardOf } from './rewardForm';

const VOUCHER: Reward = { id: 'r1', name: '¥20 voucher', kind: 'voucher', pointsCost: 2_000, stock: null, voucherFen: 2_000, percentOff: null, validFrom: '2026-06-01', validTo: null, tiersAllowed: ['vip'], active: true };

describe('the reward form', () => {
  it('gives back the reward it was given', () => {
    const gift: Reward = { ...VOUCHER, kind: 'gift', voucherFen: null, stock: 4 };
    for (const r of [VOUCHER, gift, { ...gift, stock: null }, { ...VOUCHER, kind: 'percent-off', voucherFen: null, percentOff: 10 } as Reward]) {
      expect(rewardOf(draftOfReward(r, 'CNY'), r.id, 'CNY')).toEqual({ ok: true, value: r });
    }
  });

  it('reads only the fields its kind uses', () => {
    const d = { ...draftOfReward(VOUCHER, 'CNY'), kind: 'free-service' as const, voucher: 'not read' };
    const r = rewardOf(d, 'r1', 'CNY');
    expect(r.ok && r.value).toMatchObject({ kind: 'free-service', voucherFen: null, stock: null, percentOff: null });
  });

  it('names what it cannot read, and leaves ranges to validateReward', () => {
    expect(rewardOf({ ...draftOfReward(VOUCHER, 'CNY'), pointsCost: '', voucher: '12,5' }, 'r1', 'CNY')).toEqual({ ok: false, reason: { pointsCost: 'required', voucher: 'money-invalid' } });
    expect(rewardOf({ ...draftOfReward(newReward('r2'), 'CNY'), pointsCost: '1.5', stock: 'many' }, 'r2', 'CNY')).toEqual({ ok: false, reason: { pointsCost: 'whole-number', stock: 'number' } });
    const read = rewardOf({ ...draftOfReward(newReward('r3'), 'CNY'), pointsCost: '0', validFrom: '2026-07-01', validTo: '2026-06-01' }, 'r3', 'CNY');
    expect(read.ok && validateReward(read.value, ['vip'])).toEqual({ ok: false, reason: ['reward-name-empty', 'points-cost-invalid', 'valid-dates-order'] });
  });

  it('shows every validateReward code at a field', () => {
    for (const code of REWARD_ERRORS) expect(FIELD_OF_REWARD_ERROR[code]).toBeTruthy();
  });
});
