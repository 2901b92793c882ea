// What every export shares: translated labels for coded values, file names, and saving a small file.
//
// The export screen's files go through main (runExport.ts). One customer's data package is small and
// saved as a browser download: a Blob and an <a download>; in Electron that shows the system's save
// dialog (the default for will-download).
import type { TFunction } from 'i18next';
import type { ExportOptions, ExportValueKind } from '../../../shared/domain/export';
import { exportValueKey } from '../../../shared/domain/export/vocabulary';
import type { Currency } from '../../../shared/domain/money';
import type { PhoneRegion } from '../../../shared/domain/customer';
import { datedFileName } from '../../ui/saveFile';

/** A code's words in the user's language: label('gender', 'male') → '男'. */
export function exportLabel(t: TFunction): (kind: ExportValueKind, code: string) => string {
  return (kind, code) => t(exportValueKey(kind, code));
}

export function exportOptions(t: TFunction, currency: Currency, region: PhoneRegion): ExportOptions {
  return { currency, region, label: exportLabel(t) };
}

/** 熟客-客户-2026-11-23.csv / Regulars-customers-2026-11-23.xlsx */
export function exportFileName(t: TFunction, what: string, ext: 'csv' | 'xlsx' | 'json', now: Date): string {
  return datedFileName(t('app.name'), what, ext, now);
}

export const MIME = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json;charset=utf-8',
} as const;

/** Saves through a download; Electron asks where to put it. */
export function downloadFile(content: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download may read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
