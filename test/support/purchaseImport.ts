// Checks shared by the purchases-import tests: every row of a file is accounted for exactly once.
import { expect } from 'vitest';
import { assertPurchaseFields } from '../../shared/domain/purchase';
import { ALL_PURCHASE_IMPORT_CODES, type PurchaseImportResult } from '../../shared/domain/import/purchasesImport';

/** Every row in exactly one bucket (imported, no customer, bad), every purchase valid for the repository. */
export function expectAccounted(r: PurchaseImportResult): void {
  const { report } = r;
  expect(report.totalRows).toBe(report.importedRows + report.skippedNoCustomer + report.badRows.length);
  expect(r.purchases.reduce((n, p) => n + p.rowNumbers.length, 0)).toBe(report.importedRows);
  const seen = [...r.purchases.flatMap((p) => p.rowNumbers), ...report.skippedNoCustomerRows, ...report.badRows.map((b) => b.rowNumber)];
  expect(new Set(seen).size).toBe(report.totalRows);
  for (const p of r.purchases) assertPurchaseFields(p.fields);
  for (const b of report.badRows) expect(ALL_PURCHASE_IMPORT_CODES).toContain(b.code);
}
