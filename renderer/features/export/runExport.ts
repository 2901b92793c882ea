// One export from start to file on disk: main asks where to save (desktop), the export worker reads the
// store and builds the CSV or XLSX file, the page sends it to main, and only main's commit makes it "saved".
import type { TFunction } from 'i18next';
import type { Clock } from '../../../shared/clock';
import type { PhoneRegion } from '../../../shared/domain/customer';
import type { Action } from '../../../shared/domain/permissions';
import { exportVocabulary } from '../../../shared/domain/export/vocabulary';
import type { Currency } from '../../../shared/domain/money';
import type { DesktopApi } from '../../../shared/ipc/contract';
import type { CustomerListQuery } from '../../db/customers';
import { saveFile } from '../../ui/saveFile';
import type { BuildPhase, BuiltExport, ExportFormat, ExportJob, ExportKind, ExportScope, PurchaseRowShape } from './buildExport';
import { exportFileName } from './exportFiles';

export { EXPORT_KINDS, type ExportFormat, type ExportKind, type ExportScope, type PurchaseRowShape } from './buildExport';

/** Who may run an export: a filtered list of customers is the clerk's; every customer, purchase, contact or points entry is the owner's. */
export function exportAction(kind: ExportKind, scope: ExportScope): Action {
  return kind === 'customers' && scope === 'list' ? 'export.list' : 'export.everything';
}

export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** Customers only: every active customer, or the ids the customer list shows now. */
  scope: ExportScope;
  listQuery: CustomerListQuery;
  purchaseRows: PurchaseRowShape;
  currency: Currency;
  region: PhoneRegion;
}

export type ExportPhase = BuildPhase | { phase: 'saving'; sent: number; total: number };

export type ExportOutcome =
  | { state: 'saved'; fileName: string; path: string; rows: number }
  /** The clerk closed the save dialog. */
  | { state: 'cancelled' }
  /** `reason`: an IPC failure code (errors.<reason>), or 'build-failed' when the file could not be built. */
  | { state: 'failed'; reason: string };

export interface ExportDeps {
  api: DesktopApi['exportFile'];
  t: TFunction;
  /** The list's ids for scope 'list'. */
  listIds: (query: CustomerListQuery) => Promise<string[]>;
  /** The file is named after today. */
  now: Clock;
  /** Builds the file off the UI thread (buildInWorker); tests pass their own. */
  build: (job: ExportJob, onPhase: (p: BuildPhase) => void) => Promise<BuiltExport>;
}

const FILE_KEYS: Record<ExportKind, string> = { customers: 'customers', purchases: 'purchases', interactions: 'interactions', points: 'points' };

export async function runExport(req: ExportRequest, deps: ExportDeps, onPhase: (p: ExportPhase) => void): Promise<ExportOutcome> {
  const { api, t } = deps;
  const fileKey = req.kind === 'purchases' && req.purchaseRows === 'lines' ? 'purchaseLines' : FILE_KEYS[req.kind];
  const what = t(`exportScreen.files.${fileKey}`);
  let rows = 0;
  const make = async () => {
    const job: ExportJob = {
      kind: req.kind,
      format: req.format,
      customerIds: req.kind === 'customers' && req.scope === 'list' ? await deps.listIds(req.listQuery) : null,
      purchaseRows: req.purchaseRows,
      currency: req.currency,
      region: req.region,
      vocabulary: exportVocabulary((key) => t(key)),
      sheetName: what,
    };
    const built = await deps.build(job, onPhase);
    rows = built.rows;
    return built.bytes;
  };
  const saved = await saveFile(api, exportFileName(t, what, req.format, deps.now()), make, {
    everything: exportAction(req.kind, req.scope) === 'export.everything',
    onSending: (sent, total) => onPhase({ phase: 'saving', sent, total }),
  });
  return saved.state === 'saved' ? { ...saved, rows } : saved;
}
