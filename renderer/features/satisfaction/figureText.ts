// A CSAT or NPS figure in words: "83%", "+14", or "no answers". Pure: `t` comes in.
import type { CsatFigure, NpsFigure } from '../../../shared/domain/surveyScores';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function csatText(t: Translate, f: Pick<CsatFigure, 'score'>): string {
  return f.score === null ? t('satisfaction.noScore') : t('satisfaction.percent', { value: Math.round(f.score) });
}

/** Whole points, signed: NPS is read as "+14" or "−20" (a true minus sign). */
export function npsText(t: Translate, f: Pick<NpsFigure, 'score'>): string {
  if (f.score === null) return t('satisfaction.noScore');
  const n = Math.round(f.score);
  return n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0';
}
