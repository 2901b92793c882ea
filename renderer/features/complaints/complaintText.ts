// How the complaint screens word the state machine's answers, the draft's errors and the figures. Pure: `t` comes in.
import { legalMoves, type ComplaintRefusal } from '../../../shared/domain/complaint';
import type { ComplaintState } from '../../../shared/domain/complaintRecords';
import { ComplaintRefusedError } from '../../db/complaints';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function stateText(t: Translate, state: ComplaintState): string {
  return t(`complaints.state.${state}`);
}

/** A refusal in a sentence: an illegal move names the state, the one asked for and the moves that are legal. */
export function refusalText(t: Translate, refusal: ComplaintRefusal): string {
  if (refusal.code === 'illegal-move') {
    const next = legalMoves(refusal.from).map((s) => stateText(t, s)).join(t('care.listSeparator'));
    return t('complaints.refusal.illegal-move', { from: stateText(t, refusal.from), to: refusal.to ? stateText(t, refusal.to) : '', next });
  }
  return t(`complaints.refusal.${refusal.code}`);
}

/** What a failed save says: the repository's or state machine's reason, else the generic failure. */
export function failureText(t: Translate, error: unknown): string {
  if (error instanceof ComplaintRefusedError) return error.refusal ? refusalText(t, error.refusal) : t(`complaints.refusal.${error.code}`);
  return t('complaints.refusal.failed');
}

/** Hours to resolve as a clerk reads them: hours under two days, days (one decimal) from there. */
export function durationText(t: Translate, hours: number, locale: string): string {
  const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return hours < 48 ? t('complaints.figures.hours', { value: one.format(hours) }) : t('complaints.figures.inDays', { value: one.format(hours / 24) });
}

/** A share as a whole percentage in the language's digits. */
export function percentText(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A rate with one decimal. */
export function rateText(rate: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(rate);
}
