// The rows of the points ledger's export: every entry with its customer, kind, points, dates, what it links to and the owner's reason.
import { format, parseISO, subMilliseconds } from 'date-fns';
import { ANONYMOUS_CUSTOMER_ID } from '../erasure';
import type { PointsEntry, PointsEntryKind } from '../pointsLedger';
import type { CsvCell } from './csv';
import type { CustomerNameOf, ExportOptions, ExportTable } from './rows';

export const POINTS_EXPORT_COLUMNS = [
  'id', 'createdAt', 'customerId', 'customerName', 'kind', 'points', 'validThrough', 'purchaseId', 'reward', 'referral', 'rule', 'reason',
] as const;
export type PointsExportColumn = (typeof POINTS_EXPORT_COLUMNS)[number];
export const pointsHeaderKey = (c: PointsExportColumn) => `export.points.${c}`;

/**
 * The words of the rule column: the ledger's rule codes (a birthday gift without its date, which the cell
 * adds), an edit's correction of what a purchase earned, and which side of a purchase a reversal undoes.
 */
export const POINTS_RULE_WORDS = ['purchase', 'purchase-edit', 'welcome', 'birthday-gift', 'referrer', 'referred', 'reversal-write-off', 'rollover', 'reverse-earned', 'reverse-spent'] as const;
export type PointsRuleWord = (typeof POINTS_RULE_WORDS)[number];

/** The customer column of entries kept, anonymised, from an erased customer: one code, never a name. */
export const ERASED_CUSTOMER_CODES = ['erased'] as const;

export interface PointsExportNames {
  /** A customer's name by id (the trash too); an erased customer has none. */
  customerName: CustomerNameOf;
  /** A reward's name by id; a withdrawn reward is still in the catalogue, one gone for good gives its id. */
  rewardName: (rewardId: string) => string | undefined;
}

/** The rule column's word and, for a birthday gift, the birthday it was for. */
function ruleOf(e: PointsEntry): { word: PointsRuleWord; date?: string } | null {
  if (e.kind === 'reverse') {
    if (e.rule === 'purchase') return { word: 'purchase-edit' };
    return e.reverses === null ? null : { word: e.reverses === 'earned' ? 'reverse-earned' : 'reverse-spent' };
  }
  if (e.rule === null) return null;
  if (e.rule.startsWith('birthday-gift:')) return { word: 'birthday-gift', date: e.rule.slice('birthday-gift:'.length) };
  return (POINTS_RULE_WORDS as readonly string[]).includes(e.rule) ? { word: e.rule as PointsRuleWord } : null;
}

/** The last day a credit still counts (the day before its exclusive expiry), local; '' when it never expires or is a debit. */
function validThrough(e: PointsEntry): string {
  return e.points > 0 && e.expiresAt !== null ? format(subMilliseconds(parseISO(e.expiresAt), 1), 'yyyy-MM-dd') : '';
}

/**
 * One row per entry, in the order given. Kinds and rules in the user's language (`label`); points signed.
 * Entries kept from an erased customer (the anonymous id) say so and name nobody, not even by id.
 */
export function pointsLedgerExportRows(entries: readonly PointsEntry[], names: PointsExportNames, opts: ExportOptions): ExportTable {
  const label = opts.label ?? ((_: string, code: string) => code);
  const time = (iso: string) => (opts.formatTime ? opts.formatTime(iso) : format(parseISO(iso), 'yyyy-MM-dd HH:mm'));
  const rows = entries.map((e): CsvCell[] => {
    const erased = e.customerId === ANONYMOUS_CUSTOMER_ID;
    const rule = ruleOf(e);
    const partner = e.referralCustomerId === null ? '' : (names.customerName(e.referralCustomerId) ?? e.referralCustomerId);
    const values: Record<PointsExportColumn, CsvCell> = {
      id: e.id,
      createdAt: time(e.createdAt),
      customerId: erased ? '' : e.customerId,
      customerName: erased ? label('erasedCustomer', 'erased') : (names.customerName(e.customerId) ?? ''),
      kind: label('pointsKind', e.kind satisfies PointsEntryKind),
      points: e.points,
      validThrough: validThrough(e),
      purchaseId: e.purchaseId ?? '',
      reward: e.rewardId === null ? '' : (names.rewardName(e.rewardId) ?? e.rewardId),
      referral: partner,
      rule: rule === null ? '' : rule.date ? `${label('pointsRule', rule.word)} ${rule.date}` : label('pointsRule', rule.word),
      reason: e.note,
    };
    return POINTS_EXPORT_COLUMNS.map((col) => values[col]);
  });
  return { headers: POINTS_EXPORT_COLUMNS.map(pointsHeaderKey), rows };
}
