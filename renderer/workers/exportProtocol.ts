// The export worker's declaration (served by export.worker.ts, asked by features/export/exportClient.ts):
// the worker reads the store and builds the CSV or XLSX file off the UI thread; the page saves it through main.
import type { BuildPhase, ExportJob } from '../features/export/buildExport';
import { declareWorker, method } from './rpc';

export const exportContract = declareWorker({
  name: 'export',
  methods: {
    /** The file's bytes (transferred, not copied) and its data rows. */
    build: method<{ job: ExportJob }, { bytes: ArrayBuffer; rows: number }, BuildPhase>(),
  },
  failures: ['failed'],
});
