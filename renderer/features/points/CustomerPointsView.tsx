// A customer's points (view): the balance, what expires soon, the history as a table, the owner's manual adjustment and a gift redeemed.
import { useId, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/domain/money';
import { derivePointsLedger, orderPointsEntries, pointsEntry, pointsEntryProblems, pointsSummary, type PointsEntry, type PointsEntryProblem } from '../../../shared/domain/pointsLedger';
import { Dialog } from '../../ui/Dialog';
import { Field, useFocusFirstInvalid } from '../../ui/FormField';
import { LockIcon } from '../../ui/icons';
import { dayTimeOf, entryCauseText, entryKindName, entryProblemText, lastValidDay, pointsWording, signedPoints, type PointsNames } from './pointsText';
import './points.css';

/** The days ahead "expiring soon" looks at (the "in the next 30 days"). */
export const EXPIRING_WITHIN_DAYS = 30;

export interface CustomerPointsViewProps {
  /** The customer's whole ledger, in any order. */
  entries: readonly PointsEntry[];
  now: Date;
  currency: Currency;
  /** Names for the ids entries hold (rewards, the other customer of a referral, purchases). */
  names?: PointsNames;
  /** The clerk is at the keyboard: adjusting asks for the owner first (the container's onAdjust does). */
  adjustLocked: boolean;
  /** Opens the adjustment dialog (after the owner PIN when locked). */
  onAdjust: () => void;
  /** Opens the dialog that redeems a gift or a free service outside a purchase (the clerk may). */
  onRedeemGift: () => void;
}

export interface HistoryRow {
  entry: PointsEntry;
  /** The balance once this entry is applied, in the ledger's order. */
  balanceAfter: number;
}

/** The history newest first, each row with the balance after it (the ledger's own order, so equal times read the same each time). */
export function pointsHistory(entries: readonly PointsEntry[]): HistoryRow[] {
  let balance = 0;
  const rows = orderPointsEntries(entries).map((entry) => {
    balance += entry.points;
    return { entry, balanceAfter: balance };
  });
  return rows.reverse();
}

export function CustomerPointsView({ entries, now, currency, names = {}, adjustLocked, onAdjust, onRedeemGift }: CustomerPointsViewProps) {
  const { t, i18n } = useTranslation();
  const w = pointsWording(t, i18n.language, currency);
  const summary = useMemo(() => pointsSummary(derivePointsLedger(entries), now, EXPIRING_WITHIN_DAYS), [entries, now]);
  const history = useMemo(() => pointsHistory(entries), [entries]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const count = (n: number) => new Intl.NumberFormat(w.locale, { maximumFractionDigits: 0 }).format(n);

  return (
    <section className="card points-customer" aria-labelledby="customer-points-heading" data-testid="customer-points">
      <div className="points-card-header">
        <h2 id="customer-points-heading">{t('points.customer.title')}</h2>
        <div className="points-actions">
          <button type="button" className="button" onClick={onRedeemGift} data-testid="points-gift">
            {t('points.gift.open')}
          </button>
          <button type="button" className="button button-icon" onClick={onAdjust} data-testid="points-adjust" data-owner-locked={adjustLocked ? 'true' : undefined} title={adjustLocked ? t('roles.ownerOnlyHint') : undefined}>
            {adjustLocked && <LockIcon />}
            {t('points.customer.adjust')}
            {adjustLocked && <span className="visually-hidden">{` (${t('roles.ownerOnly')})`}</span>}
          </button>
        </div>
      </div>
      <dl className="points-figures">
        <div>
          <dt>{t('points.customer.balance')}</dt>
          <dd className={summary.balance < 0 ? 'points-big is-negative' : 'points-big'} data-testid="points-balance">
            {count(summary.balance)}
          </dd>
        </div>
        {summary.dueToExpire > 0 && (
          <div>
            <dt>{t('points.customer.available')}</dt>
            <dd data-testid="points-available">
              {count(summary.available)}
              <span className="hint points-block">{t('points.customer.dueToExpire', { count: summary.dueToExpire })}</span>
            </dd>
          </div>
        )}
        <div>
          <dt>{t('points.customer.expiringSoon', { days: EXPIRING_WITHIN_DAYS })}</dt>
          <dd data-testid="points-expiring">
            {summary.expiringSoon.points > 0 && summary.expiringSoon.earliestAt !== null
              ? t('points.customer.expiringFrom', { count: summary.expiringSoon.points, date: lastValidDay(summary.expiringSoon.earliestAt) })
              : t('points.customer.noneExpiring')}
          </dd>
        </div>
      </dl>

      <h3 className="points-subheading" id="customer-points-history">
        {t('points.customer.history')}
      </h3>
      {history.length === 0 ? (
        <p className="muted" data-testid="points-history-empty">
          {t('points.customer.noHistory')}
        </p>
      ) : (
        <div className="points-table-wrap">
          <table className="simple-table points-history" aria-labelledby="customer-points-history" data-testid="points-history">
            <thead>
              <tr>
                <th scope="col">{t('points.customer.columns.date')}</th>
                <th scope="col">{t('points.customer.columns.kind')}</th>
                <th scope="col" className="points-number">
                  {t('points.customer.columns.points')}
                </th>
                <th scope="col">{t('points.customer.columns.cause')}</th>
                <th scope="col" className="points-number">
                  {t('points.customer.columns.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map(({ entry, balanceAfter }) => (
                <tr key={entry.id} data-kind={entry.kind}>
                  <td className="points-date">{dayTimeOf(entry.createdAt)}</td>
                  <td>{entryKindName(t, entry.kind)}</td>
                  <td className={`points-number ${entry.points > 0 ? 'is-credit' : 'is-debit'}`}>{signedPoints(w.locale, entry.points)}</td>
                  <td>
                    {entryCauseText(w, entry, names, (id) => byId.get(id))}
                    {entry.points > 0 && entry.expiresAt !== null && <span className="hint points-block">{t('points.customer.validThrough', { date: lastValidDay(entry.expiresAt) })}</span>}
                  </td>
                  <td className="points-number">{count(balanceAfter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// ---- the manual adjustment ---------------------------------------------------------------------

export interface PointsAdjustment {
  /** Signed: added (> 0) or taken (< 0). */
  points: number;
  reason: string;
}

export type AdjustmentSave = (adjustment: PointsAdjustment) => PointsEntryProblem[] | null | Promise<PointsEntryProblem[] | null>;

export interface PointsAdjustmentFormProps {
  customerId: string;
  /** The balance now, to show what it becomes. */
  balance: number;
  /** The owner's rule on negative balances: under 'stop-at-zero' taking more than the balance is refused. */
  negativeBalance: 'allow' | 'stop-at-zero';
  now: Date;
  onSubmit: AdjustmentSave;
  onCancel: () => void;
  formId?: string;
}

interface AdjustmentDraft {
  direction: 'add' | 'take';
  points: string;
  reason: string;
}

export const ADJUSTMENT_REASON_MAX = 200;

type AdjustmentFieldError = PointsEntryProblem | 'required' | 'whole-number' | 'below-zero' | 'reason-too-long';

/** Reads the adjustment, or what is wrong with each field (the ledger's own problems through pointsEntryProblems). */
export function adjustmentOf(
  d: AdjustmentDraft,
  ctx: { customerId: string; balance: number; negativeBalance: 'allow' | 'stop-at-zero'; now: Date },
): { ok: true; value: PointsAdjustment } | { ok: false; points?: AdjustmentFieldError; reason?: AdjustmentFieldError } {
  const text = d.points.normalize('NFKC').trim();
  let points = 0;
  let pointsError: AdjustmentFieldError | undefined;
  if (text === '') pointsError = 'required';
  else if (!/^\d+$/.test(text)) pointsError = 'whole-number';
  else points = (d.direction === 'take' ? -1 : 1) * Number(text);
  const reason = d.reason.replace(/\s+/g, ' ').trim();
  const entry = pointsEntry({ customerId: ctx.customerId, kind: 'adjust', points, createdAt: ctx.now.toISOString(), note: reason }, () => 'draft');
  const problems = pointsEntryProblems(entry);
  pointsError ??= problems.find((p) => p === 'points-zero' || p === 'points-not-integer');
  if (!pointsError && ctx.negativeBalance === 'stop-at-zero' && points < 0 && ctx.balance + points < 0) pointsError = 'below-zero';
  let reasonError: AdjustmentFieldError | undefined = problems.find((p) => p === 'adjust-without-note');
  if (!reasonError && [...reason].length > ADJUSTMENT_REASON_MAX) reasonError = 'reason-too-long';
  if (pointsError || reasonError) return { ok: false, points: pointsError, reason: reasonError };
  return { ok: true, value: { points, reason } };
}

const adjustmentErrorText = (t: TFunction, code: AdjustmentFieldError, balance: number): string => {
  if (code === 'required' || code === 'whole-number') return t(`points.fieldErrors.${code}`);
  if (code === 'below-zero') return t('points.adjustment.belowZero', { count: balance });
  if (code === 'reason-too-long') return t('points.adjustment.reasonTooLong', { max: ADJUSTMENT_REASON_MAX });
  return entryProblemText(t, code);
};

/** The adjustment's fields: add or take, how many points, and the reason (required, kept in the ledger). */
export function PointsAdjustmentForm({ customerId, balance, negativeBalance, now, onSubmit, onCancel, formId: givenId }: PointsAdjustmentFormProps) {
  const { t } = useTranslation();
  const ownId = useId();
  const formId = givenId ?? ownId;
  const { register, control, handleSubmit } = useForm<AdjustmentDraft>({ defaultValues: { direction: 'add', points: '', reason: '' } });
  const [direction, pointsText] = useWatch({ control, name: ['direction', 'points'] });
  const [errors, setErrors] = useState<{ points?: string; reason?: string }>({});
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(root);
  const typed = /^\d+$/.test(pointsText.trim()) ? Number(pointsText.trim()) : null;
  const after = typed === null ? null : balance + (direction === 'take' ? -typed : typed);

  const submit = async (d: AdjustmentDraft) => {
    setFailed(false);
    const read = adjustmentOf(d, { customerId, balance, negativeBalance, now });
    if (!read.ok) {
      setErrors({ points: read.points && adjustmentErrorText(t, read.points, balance), reason: read.reason && adjustmentErrorText(t, read.reason, balance) });
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const refused = await onSubmit(read.value);
      if (refused && refused.length > 0) {
        setErrors({ points: refused.filter((p) => p !== 'adjust-without-note').map((p) => entryProblemText(t, p)).join(' ') || undefined, reason: refused.includes('adjust-without-note') ? entryProblemText(t, 'adjust-without-note') : undefined });
        focusFirstInvalid();
      }
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form ref={root} id={formId} className="points-adjust-form" onSubmit={handleSubmit(submit)} noValidate data-testid="points-adjust-form">
      <p className="hint">{t('points.adjustment.intro')}</p>
      {failed && (
        <p className="points-problems" role="alert">
          {t('points.adjustment.saveFailed')}
        </p>
      )}
      <fieldset className="points-choice">
        <legend>{t('points.adjustment.direction')}</legend>
        <div className="segmented">
          {(['add', 'take'] as const).map((d) => (
            <label key={d} className={direction === d ? 'segment selected' : 'segment'}>
              <input type="radio" value={d} {...register('direction')} data-testid={`points-adjust-${d}`} />
              {t(`points.adjustment.${d}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label={t('points.adjustment.points')} htmlFor={`${formId}-points`} error={errors.points} hint={after === null ? t('points.adjustment.balanceNow', { count: balance }) : t('points.adjustment.after', { from: balance, count: after })}>
        <input id={`${formId}-points`} inputMode="numeric" {...register('points')} aria-invalid={errors.points ? true : undefined} data-autofocus data-testid="points-adjust-points" />
      </Field>
      <Field label={t('points.adjustment.reason')} htmlFor={`${formId}-reason`} error={errors.reason} hint={t('points.adjustment.reasonHint')}>
        <textarea id={`${formId}-reason`} rows={2} {...register('reason')} aria-invalid={errors.reason ? true : undefined} aria-required="true" data-testid="points-adjust-reason" />
      </Field>
      <div className="points-form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving} data-testid="points-adjust-save">
          {t('points.adjustment.save')}
        </button>
      </div>
    </form>
  );
}

/** The adjustment in a dialog (the owner has been asked for before it opens). */
export function PointsAdjustmentDialog(props: Omit<PointsAdjustmentFormProps, 'formId'>) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('points.adjustment.title')} onClose={props.onCancel} testId="points-adjust-dialog">
      <PointsAdjustmentForm {...props} />
    </Dialog>
  );
}
