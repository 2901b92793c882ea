// A survey answer in words ("CSAT 2/5 · NPS 4/10 · could be better: waiting · “…”"), for Today and the figures. Pure: `t` comes in.
import type { SurveyAnswer } from '../../../shared/domain/surveyRecords';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function answerText(t: Translate, a: Pick<SurveyAnswer, 'csat' | 'nps' | 'choices' | 'why'>): string {
  const parts: string[] = [];
  if (a.csat !== null) parts.push(t('satisfaction.answer.csat', { score: a.csat }));
  if (a.nps !== null) parts.push(t('satisfaction.answer.nps', { score: a.nps }));
  if (a.choices.length) parts.push(t('satisfaction.answer.choices', { list: a.choices.map((c) => t(`surveys.choices.${c}`)).join(t('satisfaction.answer.listSeparator')) }));
  const why = a.why.trim();
  if (why) parts.push(t('satisfaction.answer.why', { text: why }));
  return parts.length ? parts.join(t('satisfaction.answer.separator')) : t('satisfaction.answer.none');
}
