// A CSAT or NPS figure in words: "83%", "+14", or a dash for none. Pure: `t` comes in.
import type { CsatFigure, NpsFigure } from '../../../shared/domain/surveyScores';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** No answers: a dash (the count beside it says 0). */
export const NO_SCORE = '—';

export function csatText(t: Translate, f: Pick<CsatFigure, 'score'>): string {
  return f.score === null ? NO_SCORE : t('satisfaction.percent', { value: Math.round(f.score) });
}

/** Whole points, signed: NPS is read as "+14" or "−20" (a true minus sign). */
export function npsText(f: Pick<NpsFigure, 'score'>): string {
  if (f.score === null) return NO_SCORE;
  const n = Math.round(f.score);
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}
