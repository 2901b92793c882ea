// The points ledger's export rows: every entry in words, linked to what caused it, erased customers named by nobody.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS_CUSTOMER_ID } from '../erasure';
import { pointsEntry, type PointsEntryDraft } from '../pointsLedger';
import { POINTS_EXPORT_COLUMNS, pointsHeaderKey, pointsLedgerExportRows, type PointsExportNames } from './pointsRows';

let n = 0;
const entry = (draft: Omit<PointsEntryDraft, 'createdAt'> & { createdAt?: string }) => pointsEntry({ createdAt: '2026-06-15T02:00:00.000Z', ...draft }, () => `e${++n}`);
const names: PointsExportNames = {
  customerName: (id) => ({ c1: '张三', c2: '李四' })[id],
  rewardName: (id) => (id === 'r1' ? '保温杯' : undefined),
};
const label = (kind: string, code: string) => `${kind}:${code}`;
const cells = (row: readonly unknown[]) => Object.fromEntries(POINTS_EXPORT_COLUMNS.map((c, i) => [c, row[i]]));

describe('the points ledger export', () => {
  it('has a header per column, as i18n keys', () => {
    expect(pointsLedgerExportRows([], names, { currency: 'CNY', region: 'CN' }).headers).toEqual(POINTS_EXPORT_COLUMNS.map(pointsHeaderKey));
    expect(pointsHeaderKey('validThrough')).toBe('export.points.validThrough');
  });

  it('writes each entry with its customer, kind in words, signed points, validity, links, rule and reason', () => {
    const rows = pointsLedgerExportRows(
      [
        entry({ customerId: 'c1', kind: 'earn', points: 268, purchaseId: 'p1', rule: 'purchase', expiresAt: '2027-01-01T00:00:00.000Z' }),
        entry({ customerId: 'c1', kind: 'redeem', points: -100, rewardId: 'r1' }),
        entry({ customerId: 'c1', kind: 'redeem', points: -50, rewardId: 'gone' }),
        entry({ customerId: 'c1', kind: 'adjust', points: -20, note: '录错了' }),
        entry({ customerId: 'c1', kind: 'reverse', points: -268, purchaseId: 'p1', reverses: 'earned' }),
        entry({ customerId: 'c1', kind: 'reverse', points: -8, purchaseId: 'p1', reverses: 'earned', rule: 'purchase' }),
        entry({ customerId: 'c2', kind: 'referral', points: 50, referralCustomerId: 'c1', rule: 'referred' }),
        entry({ customerId: 'c2', kind: 'bonus', points: 88, rule: 'birthday-gift:2026-06-15' }),
        entry({ customerId: 'c2', kind: 'opening', points: 300, note: '旧系统' }),
        entry({ customerId: 'c2', kind: 'expire', points: -300, batchId: 'e9', rule: 'rollover' }),
      ],
      names,
      { currency: 'CNY', region: 'CN', label, formatTime: (iso) => iso.slice(0, 10) },
    ).rows.map(cells);
    expect(rows[0]).toEqual({
      id: expect.any(String), createdAt: '2026-06-15', customerId: 'c1', customerName: '张三', kind: 'pointsKind:earn', points: 268,
      validThrough: expect.stringMatching(/^2026-12-3[01]$/), purchaseId: 'p1', reward: '', referral: '', rule: 'pointsRule:purchase', reason: '',
    });
    expect(rows[1]).toMatchObject({ kind: 'pointsKind:redeem', points: -100, reward: '保温杯', validThrough: '', rule: '' });
    expect(rows[2]).toMatchObject({ reward: 'gone' });
    expect(rows[3]).toMatchObject({ kind: 'pointsKind:adjust', points: -20, reason: '录错了' });
    expect(rows[4]).toMatchObject({ kind: 'pointsKind:reverse', rule: 'pointsRule:reverse-earned', purchaseId: 'p1' });
    expect(rows[5]).toMatchObject({ rule: 'pointsRule:purchase-edit' });
    expect(rows[6]).toMatchObject({ customerName: '李四', kind: 'pointsKind:referral', referral: '张三', rule: 'pointsRule:referred' });
    expect(rows[7]).toMatchObject({ kind: 'pointsKind:bonus', rule: 'pointsRule:birthday-gift 2026-06-15', validThrough: '' });
    expect(rows[8]).toMatchObject({ kind: 'pointsKind:opening', reason: '旧系统' });
    expect(rows[9]).toMatchObject({ kind: 'pointsKind:expire', points: -300, rule: 'pointsRule:rollover' });
  });

  it('never names an erased customer: their kept entries say so, without an id', () => {
    const [row] = pointsLedgerExportRows([entry({ customerId: ANONYMOUS_CUSTOMER_ID, kind: 'earn', points: 10, purchaseId: 'p9' })], { ...names, customerName: () => 'should not show' }, { currency: 'CNY', region: 'CN', label }).rows;
    expect(cells(row!)).toMatchObject({ customerId: '', customerName: 'erasedCustomer:erased', purchaseId: 'p9' });
    expect(JSON.stringify(row)).not.toContain(ANONYMOUS_CUSTOMER_ID);
  });
});
