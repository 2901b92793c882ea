// The reports worker: each report's figures for a window, read and computed off the page's thread (renderer/db/reportFigures.ts).
// It opens the same IndexedDB database as the page.
import { workerDatabaseName } from '../db/activeDatabase';
import { RegularsDatabase } from '../db/database';
import { createReportFigures, InvalidReportWindow } from '../db/reportFigures';
import { reportsContract } from './reportsProtocol';
import { serve } from './rpc';

const figures = createReportFigures(new RegularsDatabase(workerDatabaseName()));

serve(
  reportsContract,
  {
    sales: (request) => figures.sales(request),
    customers: (request) => figures.customers(request),
    churn: (request) => figures.churn(request),
    status: (request) => figures.status(request),
    loyalty: (request) => figures.loyalty(request),
  },
  { failure: (error) => (error instanceof InvalidReportWindow ? 'invalid-window' : 'failed') },
);
