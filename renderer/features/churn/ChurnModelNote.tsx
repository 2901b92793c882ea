// What judges the churn levels now, in words: the store's fitted model (when and from whom), or today's rule and why.
import { parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import type { StoreChurnModel } from '../../../shared/domain/churnModel/storeModel';
import { assertNever } from '../../../shared/result';
import { formatLongDate } from '../../i18n';
import './churnModelNote.css';

/** The sentence for the churn list and the settings: fitted (day, customers, repeat buyers), the fallback with its reason, or not fitted yet. */
export function churnModelNoteText(t: TFunction, model: StoreChurnModel | null, formatDay: (day: string) => string = (day) => formatLongDate(parseISO(day))): string {
  if (model === null) return t('churnModel.pending');
  switch (model.kind) {
    case 'fitted':
      return t('churnModel.fitted', { date: formatDay(model.fittedOn), customers: model.customers, repeaters: model.repeatBuyers });
    case 'cannot-fit':
      return t('churnModel.fallback', { why: t(`churnModel.why.${model.reason.code}`, { count: model.reason.params.have, need: model.reason.params.need }) });
    default:
      return assertNever(model, 'churn model');
  }
}

export function ChurnModelNote({ t, model, className = '' }: { t: TFunction; model: StoreChurnModel | null; className?: string }) {
  const state = model === null ? 'pending' : model.kind === 'fitted' ? 'fitted' : 'fallback';
  return (
    <p className={`churn-model-note churn-model-${state} ${className}`.trim()} data-testid="churn-model-note" data-model={state}>
      {churnModelNoteText(t, model)}
    </p>
  );
}
