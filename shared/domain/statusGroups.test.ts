import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_SETTINGS } from './customerStatus';
import { RFM_SEGMENTS } from './rfm';
import { groupBenefits, RFM_GROUPS, rfmGroupOf, rfmTierId, statusGroupName, statusGroupOf, statusGroups } from './statusGroups';

const rfm = { ...DEFAULT_STATUS_SETTINGS, grouping: 'rfm' as const };

describe('statusGroups', () => {
  it('lists the owner\'s tiers best first under the tiers grouping', () => {
    expect(statusGroups(DEFAULT_STATUS_SETTINGS).map((g) => [g.id, g.rank])).toEqual([
      ['vip', 0],
      ['regular', 1],
      ['potential', 2],
    ]);
  });

  it('lists every RFM segment and "not scored yet" under the RFM grouping', () => {
    const groups = statusGroups(rfm);
    expect(groups).toHaveLength(RFM_SEGMENTS.length + 1);
    for (const s of RFM_SEGMENTS) expect(groups.some((g) => g.id === `rfm:${s}`)).toBe(true);
    expect(groups[groups.length - 1]!.id).toBe('rfm:unscored');
  });

  it('round-trips RFM tier ids and refuses look-alikes', () => {
    for (const g of RFM_GROUPS) expect(rfmGroupOf(rfmTierId(g))).toBe(g);
    expect(rfmGroupOf('vip')).toBeNull();
    expect(rfmGroupOf('rfm:bogus')).toBeNull();
    expect(rfmGroupOf('rfm:')).toBeNull();
  });

  it('names any stored id in each locale, whichever grouping is in force; null when unknown', () => {
    expect(statusGroupName(DEFAULT_STATUS_SETTINGS, 'vip', 'zh-CN')).toBe('贵宾');
    expect(statusGroupName(DEFAULT_STATUS_SETTINGS, 'vip', 'zh-TW')).toBe('貴賓');
    expect(statusGroupName(rfm, 'vip', 'en')).toBe('VIP');
    expect(statusGroupName(DEFAULT_STATUS_SETTINGS, 'rfm:cant-lose', 'en')).toBe("Can't lose them");
    expect(statusGroupName(DEFAULT_STATUS_SETTINGS, 'rfm:unscored', 'zh-TW')).toBe('未評分');
    expect(statusGroupName(DEFAULT_STATUS_SETTINGS, 'gold', 'en')).toBeNull();
  });

  it('gives the benefits of the group in force only', () => {
    expect(groupBenefits(DEFAULT_STATUS_SETTINGS, 'vip')).toEqual({ discountPercent: 10, pointsMultiplier: 2, contactCadenceDays: 30 });
    expect(groupBenefits(rfm, 'vip')).toBeNull();
    expect(groupBenefits(rfm, 'rfm:champions')?.contactCadenceDays).toBe(30);
    expect(statusGroupOf(DEFAULT_STATUS_SETTINGS, 'rfm:champions')).toBeNull();
  });
});
