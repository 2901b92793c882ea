// buildExport: what the export worker builds, from a reader, in the clerk's language.
import { describe, expect, it } from 'vitest';
import { emptyCustomerFields } from '../../../shared/domain/customer';
import { newCustomerRecord } from '../../../shared/domain/customerRecord';
import { decodeText, parseDelimited } from '../../../shared/domain/import';
import { exportVocabulary } from '../../../shared/domain/export/vocabulary';
import { newPurchaseRecord } from '../../../shared/domain/purchase';
import { ANONYMOUS_CUSTOMER_ID } from '../../../shared/domain/erasure';
import { pointsEntry } from '../../../shared/domain/pointsLedger';
import zhCN from '../../i18n/locales/zh-CN.json';
import type { ExportReader } from '../../db/exportData';
import en from '../../i18n/locales/en.json';
import { readXlsx, writeXlsx } from '../importExport/xlsx';
import { buildExport, type BuildPhase, type ExportJob } from './buildExport';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree) => (key: string) => {
  const v = key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
  return typeof v === 'string' ? v : key;
};

const NOW = new Date(2026, 10, 3, 10, 0);
const zhang = newCustomerRecord({ ...emptyCustomerFields(), name: '=张三', gender: 'unspecified' }, 'c1', NOW);
const sale = newPurchaseRecord(
  { purchasedAt: '2026-11-01T02:00:00.000Z', lines: [{ product: '龙井', category: '茶', quantity: 2, unitPriceFen: 6400 }], subtotalFen: 12800, discountFen: 0, totalFen: 12800, paymentNote: '', note: '' },
  { id: 'p1', customerId: 'c1', now: NOW },
);

const reader = {
  allActiveCustomers: async (onProgress?: (p: { done: number; total: number }) => void) => {
    onProgress?.({ done: 1, total: 1 });
    return [zhang];
  },
  customersByIds: async () => [zhang],
  customerNames: async () => new Map([['c1', zhang.name]]),
  allPurchases: async (onProgress?: (p: { done: number; total: number }) => void) => {
    onProgress?.({ done: 1, total: 1 });
    return [sale];
  },
  allInteractions: async () => [],
  allPointsEntries: async (onProgress?: (p: { done: number; total: number }) => void) => {
    onProgress?.({ done: 2, total: 2 });
    return [
      pointsEntry({ customerId: 'c1', kind: 'earn', points: 128, createdAt: '2026-11-01T02:00:00.000Z', purchaseId: 'p1', rule: 'purchase' }, () => 'e1'),
      pointsEntry({ customerId: ANONYMOUS_CUSTOMER_ID, kind: 'redeem', points: -100, createdAt: '2026-11-02T02:00:00.000Z', rewardId: 'r1' }, () => 'e2'),
    ];
  },
  rewardNames: async () => new Map([['r1', 'Tea cup']]),
  customerData: async () => undefined,
} as unknown as ExportReader;

const job = (over: Partial<ExportJob>): ExportJob => ({
  kind: 'customers', format: 'csv', customerIds: null, purchaseRows: 'purchases', currency: 'CNY', region: 'CN',
  vocabulary: exportVocabulary(lookup(en as Tree)), sheetName: 'purchases', ...over,
});

describe('buildExport', () => {
  it('customers as CSV with the language’s headers and labels, progress first', async () => {
    const phases: BuildPhase[] = [];
    const built = await buildExport(reader, job({}), writeXlsx, (p) => phases.push(p));
    expect(phases).toEqual([{ phase: 'reading', done: 1, total: 1 }, { phase: 'writing' }]);
    expect(built.rows).toBe(1);
    const table = parseDelimited(decodeText(built.bytes).text);
    expect(table.headers.slice(0, 3)).toEqual(['Customer ID', 'Name', 'Gender']);
    expect(table.headers.at(-1)).toBe('Currency');
    expect(table.rows[0]!.slice(0, 3)).toEqual(['c1', "'=张三", 'Not given']);
  });

  it('purchases as XLSX', async () => {
    const built = await buildExport(reader, job({ kind: 'purchases', format: 'xlsx' }), writeXlsx, () => undefined);
    const sheet = await readXlsx(built.bytes);
    expect(sheet.sheetName).toBe('purchases');
    expect(sheet.headers.slice(0, 4)).toEqual(['Purchase ID', 'Date and time', 'Customer ID', 'Customer']);
    expect(sheet.rows[0]!.slice(0, 4)).toEqual(['p1', expect.stringMatching(/^2026-11-01/), 'c1', '=张三']);
  });

  it('the points ledger as CSV and XLSX: kinds in the language, signed points, the reward named, an erased customer named by nobody', async () => {
    const phases: BuildPhase[] = [];
    const csv = await buildExport(reader, job({ kind: 'points', vocabulary: exportVocabulary(lookup(zhCN as Tree)) }), writeXlsx, (p) => phases.push(p));
    expect(phases).toEqual([{ phase: 'reading', done: 2, total: 2 }, { phase: 'writing' }]);
    expect(csv.rows).toBe(2);
    const table = parseDelimited(decodeText(csv.bytes).text);
    expect(table.headers.slice(0, 6)).toEqual(['积分记录编号', '时间', '客户编号', '客户', '类型', '积分']);
    expect(table.rows[0]!.slice(2, 6)).toEqual(['c1', "'=张三", '消费得分', '128']);
    expect(table.rows[1]!.slice(2, 6)).toEqual(['', '（已删除的客户）', '兑换', '-100']);

    const xlsx = await buildExport(reader, job({ kind: 'points', format: 'xlsx', sheetName: 'points' }), writeXlsx, () => undefined);
    const sheet = await readXlsx(xlsx.bytes);
    expect(sheet.headers.slice(0, 6)).toEqual(['Entry ID', 'Date and time', 'Customer ID', 'Customer', 'Kind', 'Points']);
    expect(sheet.rows[1]!.slice(3, 9)).toEqual(['(erased customer)', 'Redeemed', '-100', '', '', 'Tea cup']);
  });
});
