import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_SETTINGS } from '../../../shared/domain/customerStatus';
import { draftOf, settingsOf, withNewTier, withoutTier, withTierMoved, type RulesDraft } from './rulesForm';

const draft = () => draftOf(DEFAULT_STATUS_SETTINGS, 'CNY', 'zh-CN');
const problems = (d: RulesDraft) => {
  const r = settingsOf(d, 'CNY', 'zh-CN');
  if (r.ok) throw new Error('expected problems');
  return r.reason;
};

describe('the status rules form', () => {
  it('turns the settings into text and back unchanged, tier names kept in all three languages', () => {
    const d = draft();
    expect(d.tiers.map((t) => [t.name, t.minSpend, t.minPurchases, t.maxDays])).toEqual([
      ['贵宾', '5000.00', '6', '180'],
      ['普通', '1000.00', '2', ''],
      ['潜在', '0.00', '0', ''],
    ]);
    expect(settingsOf(d, 'CNY', 'zh-CN')).toEqual({ ok: true, value: DEFAULT_STATUS_SETTINGS });
  });

  it('keeps a renamed tier as the text typed; full-width digits and amounts with a symbol are read', () => {
    const d = draft();
    d.tiers[0] = { ...d.tiers[0]!, name: ' 金卡 ', minSpend: '¥８０００', minPurchases: '８' };
    const r = settingsOf(d, 'CNY', 'zh-CN');
    expect(r.ok && r.value.scheme.tiers[0]).toMatchObject({ name: '金卡', minSpendFen: 800_000, minPurchases: 8 });
    expect(r.ok && r.value.scheme.tiers[1]!.name).toEqual({ 'zh-CN': '普通', 'zh-TW': '普通', en: 'Regular' });
  });

  it('names each field that is empty, not a number or out of range', () => {
    const d = draft();
    d.windowMonths = 'twelve';
    d.reviewEveryMonths = '0';
    d.tiers[0] = { ...d.tiers[0]!, name: '', minSpend: '12,5', maxDays: '1.5', benefits: { ...d.tiers[0]!.benefits, discountPercent: '120' } };
    d.lifecycle.loyalMinPurchases = '1';
    d.churn.highGapMultiple = '1'; // below the watch multiple
    d.rfmBenefits.lost.contactCadenceDays = '';
    expect(problems(d).fields).toEqual({
      'tiers.0.name': 'required',
      'tiers.0.minSpend': 'money-invalid',
      'tiers.0.maxDays': 'whole-number',
      'tiers.0.benefits.discountPercent': 'out-of-range',
      windowMonths: 'whole-number',
      reviewEveryMonths: 'out-of-range',
      'rfmBenefits.lost.contactCadenceDays': 'required',
      'lifecycle.loyalMinPurchases': 'out-of-range',
      'churn.highGapMultiple': 'out-of-range',
    });
  });

  it('reports tiers out of order above the form', () => {
    const d = withTierMoved(draft(), 'regular', -1);
    expect(d.tiers.map((t) => t.id)).toEqual(['regular', 'vip', 'potential']);
    expect(problems(d)).toEqual({ fields: {}, scheme: ['tiers-not-ordered'] });
  });

  it('adds a tier above the floor, removes and moves tiers, never the floor', () => {
    let d = withNewTier(draft(), 'gold');
    expect(d.tiers.map((t) => t.id)).toEqual(['vip', 'regular', 'gold', 'potential']);
    expect(problems(d).fields).toMatchObject({ 'tiers.2.name': 'required', 'tiers.2.minSpend': 'required', 'tiers.2.minPurchases': 'required' });
    d.tiers[2] = { ...d.tiers[2]!, name: 'Silver', minSpend: '300', minPurchases: '1' };
    const saved = settingsOf(d, 'CNY', 'en');
    expect(saved.ok && saved.value.scheme.tiers.map((t) => t.id)).toEqual(['vip', 'regular', 'gold', 'potential']);
    expect(withTierMoved(d, 'potential', -1)).toBe(d);
    expect(withTierMoved(d, 'gold', 1)).toBe(d);
    expect(withTierMoved(d, 'vip', -1)).toBe(d);
    expect(withoutTier(d, 'potential')).toBe(d);
    d = withoutTier(d, 'vip');
    expect(d.tiers.map((t) => t.id)).toEqual(['regular', 'gold', 'potential']);
  });

  it('switches to the RFM grouping, keeping the tiers for later', () => {
    const d = { ...draft(), grouping: 'rfm' as const };
    const r = settingsOf(d, 'CNY', 'zh-CN');
    expect(r.ok && r.value.grouping).toBe('rfm');
    expect(r.ok && r.value.scheme).toEqual(DEFAULT_STATUS_SETTINGS.scheme);
  });
});
