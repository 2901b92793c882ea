// The reports client against the worker's declaration served on a MessageChannel over the demo store: each report
// comes back typed by its name, and a refused window as the worker's reason.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utcDayOf } from '../../../shared/domain/customerFigures';
import { RegularsDatabase } from '../../db/database';
import { createReportFigures, InvalidReportWindow } from '../../db/reportFigures';
import { createStoreSetup } from '../../db/storeSetup';
import { reportsContract } from '../../workers/reportsProtocol';
import { serve } from '../../workers/rpc';
import { reportsClient, ReportsWorkerError } from './reportsClient';

let db: RegularsDatabase;
let channel: MessageChannel;
let ids = 0;
const clock = new Date('2026-12-05T10:00:00Z');
const request = { fromDay: '2026-06-01', toDay: '2026-12-05', grain: 'month' as const, asOfDay: '2026-12-05' };

beforeEach(async () => {
  db = new RegularsDatabase(`reports-client-${crypto.randomUUID()}`);
  await db.open();
  await createStoreSetup(db, { now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf }).start('demo');
  channel = new MessageChannel();
  // As reports.worker.ts serves them.
  const figures = createReportFigures(db, utcDayOf);
  serve(
    reportsContract,
    { sales: (r) => figures.sales(r), customers: (r) => figures.customers(r), churn: (r) => figures.churn(r), status: (r) => figures.status(r), loyalty: (r) => figures.loyalty(r) },
    { failure: (error) => (error instanceof InvalidReportWindow ? 'invalid-window' : 'failed'), scope: channel.port1 },
  );
});

afterEach(async () => {
  channel.port1.close();
  channel.port2.close();
  await db.delete();
});

describe('reports client', () => {
  it('answers each report with its own result', async () => {
    const client = reportsClient(channel.port2);
    const sales = await client.report('sales', request);
    expect(sales.rows.map((r) => r.period)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(sales.totals.current).toEqual(await createReportFigures(db, utcDayOf).sales(request).then((r) => r.totals.current));
    const customers = await client.report('customers', request);
    expect(customers.cohorts[0]!.cohort).toBe('2026-06');
    const status = await client.report('status', request);
    expect(status.movement).toHaveLength(7);
  });

  it('says a refused window with the worker\'s reason', async () => {
    const client = reportsClient(channel.port2);
    const refused = client.report('churn', { ...request, toDay: '2026-01-01' });
    await expect(refused).rejects.toBeInstanceOf(ReportsWorkerError);
    await expect(refused).rejects.toMatchObject({ reason: 'invalid-window' });
  });
});
