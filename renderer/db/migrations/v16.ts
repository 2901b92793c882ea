// Database version 16: the satisfaction figures' tally, per local month and tier, filled from the answers.
import type { Table, Transaction } from 'dexie';
import { SCHEMA_V15 } from './v15';

/**
 * Version 16 tables, written out in full by extension: this file is what shipped, whatever later versions do.
 * - `surveyTally`: the answers of one local month by one tier, counted (shared/domain/surveyScores.ts
 *   SurveyTallyRow), by month: the figures of a year read a few dozen rows instead of every answer.
 */
export const SCHEMA_V16 = {
  ...SCHEMA_V15,
  surveyTally: 'id, month',
} as const;

/** Rows per read. */
const CHUNK_V16 = 2_000;

type AnswerRow = { id: string; customerId: string; answeredAt: string; tierId: string | null; csat: number | null; nps: number | null; followUpDueAt: string | null; followUpDoneAt: string | null };

/** What version 16 stores per month and tier (the live shape is SurveyTallyRow; a test holds them together). */
export interface V16TallyRow {
  id: string;
  month: string;
  tierId: string | null;
  csatAnswers: number;
  satisfied: number;
  npsAnswers: number;
  promoters: number;
  passives: number;
  detractors: number;
  followUps: number;
  doneLate: number;
  inTime: [string, string][];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** This migration's own copy of the tally (surveyScores.ts has the live one): the answers' local month and tier, counted. */
export function v16TallyRows(answers: Iterable<AnswerRow>): V16TallyRow[] {
  const rows = new Map<string, V16TallyRow>();
  for (const a of answers) {
    const at = new Date(a.answeredAt);
    const month = `${at.getFullYear()}-${pad2(at.getMonth() + 1)}`;
    const id = `${month}|${a.tierId ?? ''}`;
    let row = rows.get(id);
    if (!row) {
      row = { id, month, tierId: a.tierId, csatAnswers: 0, satisfied: 0, npsAnswers: 0, promoters: 0, passives: 0, detractors: 0, followUps: 0, doneLate: 0, inTime: [] };
      rows.set(id, row);
    }
    if (a.csat !== null) {
      row.csatAnswers += 1;
      if (a.csat >= 4) row.satisfied += 1;
    }
    if (a.nps !== null) {
      row.npsAnswers += 1;
      if (a.nps >= 9) row.promoters += 1;
      else if (a.nps >= 7) row.passives += 1;
      else row.detractors += 1;
    }
    if (a.followUpDueAt === null) continue;
    row.followUps += 1;
    if (a.followUpDoneAt !== null && a.followUpDoneAt <= a.followUpDueAt) row.inTime.push([a.customerId, a.answeredAt]);
    else if (a.followUpDoneAt !== null) row.doneLate += 1;
  }
  for (const row of rows.values()) row.inTime.sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return [...rows.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** The tally of every answer (a store's answers are a few per customer; read in chunks, counted once). */
export async function upgradeToV16(tx: Transaction): Promise<void> {
  const answers: Table<AnswerRow, string> = tx.table('surveyAnswers');
  const all: AnswerRow[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: AnswerRow[] = await (after === null ? answers.orderBy(':id') : answers.where(':id').above(after)).limit(CHUNK_V16).toArray();
    if (rows.length === 0) break;
    for (const r of rows) all.push({ id: r.id, customerId: r.customerId, answeredAt: r.answeredAt, tierId: r.tierId, csat: r.csat, nps: r.nps, followUpDueAt: r.followUpDueAt, followUpDoneAt: r.followUpDoneAt });
    after = rows[rows.length - 1]!.id;
  }
  const tally = v16TallyRows(all);
  if (tally.length) await tx.table('surveyTally').bulkAdd(tally);
}
