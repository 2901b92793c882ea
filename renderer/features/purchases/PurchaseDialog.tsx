// Record, edit or return a purchase in one dialog: items with suggestions or just a total, a live total,
// Enter saves. A rejected form keeps everything typed and says what to fix, in the clerk's language.
// A new purchase shows the customer's points, what it earns, redeems a reward and pays part of its amount with points;
// an edit or a return says what it does to points.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { minorUnitsToDecimal, type Currency } from '../../../shared/domain/money';
import {
  returnedFen,
  validatePurchaseDraft,
  type CatalogEntry,
  type Purchase,
  type PurchaseErrorCode,
  type PurchaseFieldErrors,
  type PurchaseFields,
} from '../../../shared/domain/purchase';
import { purchases } from '../../db';
import { useCategorySuggestions, useProductSuggestions } from '../../db/hooks';
import { PurchaseRuleError } from '../../db/purchases';
import { PointsRefusedError } from '../../db/pointsEarning';
import { tillEarning, type PointsChangeRequest, type TillPointsRead } from '../../db/pointsTill';
import { usePointsChange, useTillPoints } from '../../db/pointsTillHooks';
import { statusGroupName } from '../../../shared/domain/statusGroups';
import { currentLocale, formatDateTime } from '../../i18n';
import { TillPointsView, tillPoints, tillPointsProblem } from '../points/TillPointsView';
import { pointsChangeText } from '../points/pointsChangeText';
import { tillRefusalText, type TillPointsBanner } from './tillRefusalText';
import { Dialog } from '../../ui/Dialog';
import { ImeEscapeGuard } from './ImeEscapeGuard';
import {
  blankLine,
  draftFromValues,
  editPurchaseValues,
  lineAmount,
  lineHasContent,
  liveTotals,
  newPurchaseValues,
  returnValues,
  saveEntryMode,
  savedEntryMode,
  shownErrors,
  visibleErrorPaths,
  type PurchaseFormValues,
} from './purchaseForm';
import { SuggestInput, type SuggestOption, type SuggestSource } from './SuggestInput';
import { useMoney, type MoneyFormat } from '../../ui/useMoney';
import { submitOnEnter } from './submitOnEnter';
import { ControlledDateTimeField } from '../../ui/DateTimeField';
import { Field, FieldError, useFocusFirstInvalid } from '../../ui/FormField';
import { useClock } from '../../platform/clock';

export type PurchaseDialogRequest =
  | { mode: 'new'; customerId: string }
  | { mode: 'edit'; purchaseId: string }
  | { mode: 'return'; originalId: string };

export interface PurchaseSaved {
  purchase: Purchase;
  mode: PurchaseDialogRequest['mode'];
}

interface Props {
  request: PurchaseDialogRequest;
  customerName: string;
  onClose: () => void;
  onSaved: (saved: PurchaseSaved) => void;
}

interface Loaded {
  /** The purchase being edited, or null for a new purchase or return. */
  existing: Purchase | null;
  /** For a return (new or edited): the purchase it gives back. */
  original: Purchase | null;
  /** Given back already by other returns (of the original, or of the purchase being edited). */
  returnedFen: number;
}

async function load(request: PurchaseDialogRequest): Promise<Loaded | null> {
  if (request.mode === 'new') return { existing: null, original: null, returnedFen: 0 };
  if (request.mode === 'return') {
    const ctx = await purchases.returnContext(request.originalId);
    return ctx ? { existing: null, original: ctx.original, returnedFen: ctx.returnedFen } : null;
  }
  const existing = await purchases.get(request.purchaseId);
  if (!existing) return null;
  if (existing.returnOf !== null) {
    const ctx = await purchases.returnContext(existing.returnOf);
    if (!ctx) return { existing, original: null, returnedFen: 0 };
    return { existing, original: ctx.original, returnedFen: returnedFen(ctx.returns.filter((r) => r.id !== existing.id)) };
  }
  return { existing, original: null, returnedFen: returnedFen(await purchases.returnsOf(existing.id)) };
}

export function PurchaseDialog({ request, customerName, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const key = request.mode === 'new' ? request.customerId : request.mode === 'edit' ? request.purchaseId : request.originalId;
  // Read once: the form's starting values must not change under the clerk's fingers.
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void load(request).then((l) => live && setLoaded(l));
    return () => {
      live = false;
    };
    // The request is identified by its mode and id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request.mode, key]);

  // Esc first closes an open suggestion list; only then the dialog.
  const close = useCallback(() => {
    const el = document.activeElement as HTMLElement | null;
    if (el?.getAttribute('role') === 'combobox' && el.getAttribute('aria-expanded') === 'true') {
      el.blur();
      el.focus();
      return;
    }
    onClose();
  }, [onClose]);

  const isReturn = request.mode === 'return' || (loaded?.existing?.returnOf ?? null) !== null;
  const title = isReturn
    ? request.mode === 'edit'
      ? t('purchase.editReturnTitle')
      : t('purchase.returnTitle')
    : request.mode === 'edit'
      ? t('purchase.editTitle')
      : t('purchase.newTitle', { name: customerName });
  const formId = useId();
  const [saving, setSaving] = useState(false);

  return (
    <>
      <ImeEscapeGuard />
      <Dialog
        title={title}
        onClose={close}
        wide
        testId="purchase-dialog"
        footer={
          <>
            <span className="dialog-footer-hint hint">{t('purchase.enterSaves')}</span>
            <button type="button" className="button" onClick={onClose} data-testid="purchase-cancel">
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button-primary" disabled={!loaded || saving} data-testid="purchase-save">
              {isReturn ? (request.mode === 'edit' ? t('common.save') : t('purchase.saveReturn')) : t('purchase.save')}
            </button>
          </>
        }
      >
        {loaded === undefined && <div className="loading" aria-busy="true" />}
        {loaded === null && <p className="banner banner-error">{t('purchase.notFound')}</p>}
        {loaded && (
          <PurchaseForm
            formId={formId}
            request={request}
            loaded={loaded}
            money={money}
            onSaving={setSaving}
            onSaved={onSaved}
          />
        )}
      </Dialog>
    </>
  );
}

interface FormProps {
  formId: string;
  request: PurchaseDialogRequest;
  loaded: Loaded;
  money: MoneyFormat;
  onSaving: (saving: boolean) => void;
  onSaved: (saved: PurchaseSaved) => void;
}

function initialValues(request: PurchaseDialogRequest, loaded: Loaded, currency: Currency, now: Date): PurchaseFormValues {
  if (loaded.existing) return editPurchaseValues(loaded.existing, currency);
  if (request.mode === 'return' && loaded.original) return returnValues(loaded.original, currency, now);
  return newPurchaseValues(now, savedEntryMode());
}

function PurchaseForm({ formId, request, loaded, money, onSaving, onSaved }: FormProps) {
  const clock = useClock();
  const { t } = useTranslation();
  const { currency } = money;
  const [initial] = useState(() => initialValues(request, loaded, currency, clock()));
  const { register, control, handleSubmit, setValue, getValues, setFocus } = useForm<PurchaseFormValues>({ defaultValues: initial });
  const lines = useFieldArray({ control, name: 'lines' });
  const values = useWatch({ control }) as PurchaseFormValues;
  const [errors, setErrors] = useState<PurchaseFieldErrors>({});
  const [saveError, setSaveError] = useState<PurchaseErrorCode | 'failed' | null>(null);
  const [pointsError, setPointsError] = useState<TillPointsBanner | null>(null);
  // Points at the till: a new purchase only (an edit earns its difference by itself; a return gives back its share).
  const till = useTillPoints(request.mode === 'new' ? request.customerId : null);
  // null: the points typed are not a whole number (the save is refused, the text kept).
  const [requestedPoints, setRequestedPoints] = useState<number | null>(0);
  const [rewardId, setRewardId] = useState<string | null>(null);
  const attempted = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const returnOf = loaded.existing ? loaded.existing.returnOf : request.mode === 'return' ? request.originalId : null;
  const isReturn = returnOf !== null;
  const original = loaded.original;
  const returnable = original ? original.totalFen - loaded.returnedFen : null;

  useEffect(() => {
    // After the Dialog's own first focus (its effect runs after ours): start where the clerk types first.
    const start = initial.mode === 'items' ? 'lines.0.product' : 'amount';
    const frame = requestAnimationFrame(() => setFocus(start, { shouldSelect: !!loaded.existing }));
    return () => cancelAnimationFrame(frame);
  }, [initial.mode, loaded.existing, setFocus]);

  const validate = (v: PurchaseFormValues) =>
    validatePurchaseDraft(draftFromValues(v, returnOf), {
      currency,
      now: clock(),
      original: original ?? (isReturn ? null : undefined),
      returnedFen: loaded.returnedFen,
    });

  const revalidate = () => {
    if (!attempted.current) return;
    const result = validate(getValues());
    setErrors(result.ok ? {} : shownErrors(result.reason));
  };

  const onSubmit = async (v: PurchaseFormValues) => {
    attempted.current = true;
    const result = validate(v);
    if (!result.ok) {
      setErrors(shownErrors(result.reason));
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSaveError(null);
    setPointsError(null);
    const fields: PurchaseFields = result.value;
    // What the dialog shows is what is paid: the reward first, then the points asked for, never more than the
    // purchase can take (refused here with the form as typed, not paid silently less); the write checks both again.
    const settled = till ? tillPoints({ ...till, amountFen: fields.totalFen, rewardId, requestedPoints }) : null;
    const problem = settled ? tillPointsProblem(requestedPoints, settled.payment) : null;
    if (problem) {
      setPointsError(problem === 'not-whole' ? { kind: 'not-whole' } : { kind: 'too-many', max: settled!.payment.maxPoints });
      const field = form.current?.querySelector<HTMLInputElement>('[data-testid="till-points-pay"]');
      field?.focus();
      // The field's own message is under it: bring both into sight.
      field?.closest('.points-till-pay')?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const reward = settled?.reward ?? null;
    onSaving(true);
    try {
      const saved =
        request.mode === 'new'
          ? await purchases.record(request.customerId, fields, { pointsToRedeem: settled?.payment.points ?? 0, rewardId: reward?.id ?? null })
          : request.mode === 'return'
            ? await purchases.recordReturn(request.originalId, fields)
            : await purchases.edit(request.purchaseId, fields);
      if (!loaded.existing && !isReturn) saveEntryMode(v.mode);
      onSaved({ purchase: saved, mode: request.mode });
    } catch (error) {
      if (error instanceof PurchaseRuleError) setSaveError(error.code);
      else if (error instanceof PointsRefusedError) setPointsError({ kind: 'refused', code: error.code, reward: error.about === 'reward' ? (reward?.name ?? '') : null });
      else {
        console.error(error);
        setSaveError('failed');
      }
      onSaving(false);
    }
  };

  const message = (path: string) => (errors[path] ? t(`purchase.errors.${errors[path]}`) : undefined);
  const invalid = (path: string) => (errors[path] ? true : undefined);
  const errorCount = visibleErrorPaths(errors).length;

  const moneyField = (name: 'amount' | 'discount', label: string, testId: string) => (
    <Field label={label} htmlFor={`${formId}-${name}`} error={message(name)}>
      <input
        id={`${formId}-${name}`}
        {...register(name)}
        className="num input-money"
        inputMode="decimal"
        placeholder={minorUnitsToDecimal(0, currency)}
        aria-invalid={invalid(name)}
        data-testid={testId}
      />
    </Field>
  );

  // The items table always keeps one blank row at the end to type the next item into.
  const touchRow = (index: number) => {
    if (index === getValues('lines').length - 1) lines.append(blankLine(), { shouldFocus: false });
  };

  const pickProduct = (index: number, entry: CatalogEntry) => {
    const opts = { shouldDirty: true } as const;
    setValue(`lines.${index}.product`, entry.product, opts);
    if (entry.category) setValue(`lines.${index}.category`, entry.category, opts);
    setValue(`lines.${index}.unitPrice`, minorUnitsToDecimal(entry.lastUnitPriceFen, currency), opts);
    touchRow(index);
    revalidate();
    requestAnimationFrame(() => setFocus(`lines.${index}.quantity`, { shouldSelect: true }));
  };

  const totals = liveTotals(values, currency);
  const sign = isReturn ? -1 : 1;
  const show = (n: number | null) => (n === null ? '—' : money.format(sign * n));
  // The points shown as the form stands: the amount as validated (nothing earned while it cannot be saved).
  const draft = till || request.mode !== 'new' ? validate(values) : null;
  const fields = draft?.ok ? draft.value : null;
  const settled = till ? tillPoints({ ...till, amountFen: fields?.totalFen ?? 0, rewardId, requestedPoints }) : null;
  const payment = settled?.payment ?? null;
  const change: PointsChangeRequest | null =
    fields === null || request.mode === 'new'
      ? null
      : request.mode === 'edit'
        ? { kind: 'edit', purchaseId: request.purchaseId, fields }
        : { kind: 'return', originalId: request.originalId, fields };

  return (
    <form
      ref={form}
      id={formId}
      className="purchase-form"
      noValidate
      onSubmit={handleSubmit(onSubmit)}
      onChange={revalidate}
      onKeyDown={(e) => submitOnEnter(e, () => void handleSubmit(onSubmit)())}
      data-testid="purchase-form"
    >
      {isReturn && original && (
        <div className="banner banner-info return-banner" data-testid="return-info">
          <strong>{t('purchase.returnOf', { date: formatDateTime(original.purchasedAt), total: money.format(original.totalFen) })}</strong>
          {returnable !== null && <span>{t('purchase.returnable', { amount: money.format(returnable) })}</span>}
        </div>
      )}
      {errorCount > 0 && (
        <p className="banner banner-error" role="alert" data-testid="purchase-errors">
          {t('purchase.errorSummary', { count: errorCount })}
        </p>
      )}
      {pointsError && (
        <p className="banner banner-error" role="alert" data-testid="purchase-points-error">
          {tillRefusalText(t, pointsError)}
        </p>
      )}
      {saveError && (
        <p className="banner banner-error" role="alert" data-testid="purchase-save-error">
          {saveError === 'failed' ? t('purchase.saveFailed') : t(`purchase.errors.${saveError}`)}
        </p>
      )}
      {errors.returnOf && (
        <p className="banner banner-error" role="alert">
          {message('returnOf')}
        </p>
      )}

      <div className="purchase-top">
        <Field label={t('purchase.fields.purchasedAt')} htmlFor={`${formId}-at`} error={message('purchasedAt')}>
          <ControlledDateTimeField
            control={control}
            name="purchasedAt"
            id={`${formId}-at`}
            kind="datetime"
            onEdited={revalidate}
            invalid={invalid('purchasedAt')}
            testId="purchase-datetime"
          />
        </Field>
        {!isReturn || (original?.lines.length ?? 0) === 0 ? (
          <fieldset className="segmented" aria-label={t('purchase.fields.entryMode')}>
            <legend className="visually-hidden">{t('purchase.fields.entryMode')}</legend>
            <label className={values.mode === 'items' ? 'segment selected' : 'segment'}>
              <input type="radio" value="items" {...register('mode')} data-testid="purchase-mode-items" />
              {t('purchase.modes.items')}
            </label>
            <label className={values.mode === 'total' ? 'segment selected' : 'segment'}>
              <input type="radio" value="total" {...register('mode')} data-testid="purchase-mode-total" />
              {t('purchase.modes.total')}
            </label>
          </fieldset>
        ) : null}
      </div>

      {values.mode === 'items' ? (
        <div className="line-table" role="group" aria-label={t('purchase.fields.items')}>
          <div className="line-row line-head" aria-hidden="true">
            <span>{t('purchase.fields.product')}</span>
            <span>{t('purchase.fields.category')}</span>
            <span className="num">{t('purchase.fields.quantity')}</span>
            <span className="num">{t('purchase.fields.unitPrice')}</span>
            <span className="num">{t('purchase.fields.lineAmount')}</span>
            <span />
          </div>
          {lines.fields.map((field, index) => {
            const rowErrors = (['product', 'category', 'quantity', 'unitPrice'] as const)
              .map((f) => message(`lines.${index}.${f}`))
              .filter((m): m is string => !!m);
            const line = values.lines[index] ?? blankLine();
            const amount = lineAmount(line, currency);
            const blank = !lineHasContent(line);
            const n = index + 1;
            const lineId = (f: string) => `${formId}-l${index}-${f}`;
            const invalidIds = (['product', 'category', 'quantity', 'unitPrice'] as const).filter((f) => invalid(`lines.${index}.${f}`)).map(lineId);
            const edited = (v: string) => {
              if (v.trim()) touchRow(index);
              revalidate();
            };
            return (
              <div key={field.id} className={rowErrors.length ? 'line-row has-error' : 'line-row'} data-testid="purchase-line">
                <LineSuggest
                  control={control}
                  name={`lines.${index}.product`}
                  onEdited={edited}
                  source={ProductSource}
                  onPick={(o) => pickProduct(index, o.entry)}
                  placeholder={index === 0 ? t('purchase.placeholders.product') : undefined}
                  id={lineId('product')}
                  aria-label={t('purchase.fields.productN', { n })}
                  aria-invalid={invalid(`lines.${index}.product`)}
                  maxLength={200}
                  data-testid="line-product"
                />
                <LineSuggest
                  control={control}
                  name={`lines.${index}.category`}
                  onEdited={edited}
                  source={CategorySource}
                  onPick={(o) => {
                    setValue(`lines.${index}.category`, o.category, { shouldDirty: true });
                    revalidate();
                  }}
                  id={lineId('category')}
                  aria-label={t('purchase.fields.categoryN', { n })}
                  aria-invalid={invalid(`lines.${index}.category`)}
                  maxLength={100}
                  data-testid="line-category"
                />
                <input
                  {...register(`lines.${index}.quantity`, { onChange: (e: { target: { value: string } }) => e.target.value.trim() && touchRow(index) })}
                  id={lineId('quantity')}
                  className="num"
                  inputMode="numeric"
                  placeholder="1"
                  aria-label={t('purchase.fields.quantityN', { n })}
                  aria-invalid={invalid(`lines.${index}.quantity`)}
                  data-testid="line-quantity"
                />
                <input
                  {...register(`lines.${index}.unitPrice`, { onChange: (e: { target: { value: string } }) => e.target.value.trim() && touchRow(index) })}
                  id={lineId('unitPrice')}
                  className="num"
                  inputMode="decimal"
                  aria-label={t('purchase.fields.unitPriceN', { n })}
                  aria-invalid={invalid(`lines.${index}.unitPrice`)}
                  data-testid="line-price"
                />
                <span className="num line-amount" data-testid="line-amount">
                  {amount === null ? '' : money.format(sign * amount)}
                </span>
                {blank ? (
                  <span />
                ) : (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('purchase.removeLine', { n })}
                    onClick={() => {
                      lines.remove(index);
                      if (getValues('lines').length === 0 || lineHasContent(getValues('lines').at(-1)!)) lines.append(blankLine(), { shouldFocus: false });
                      revalidate();
                    }}
                    data-testid="line-remove"
                  >
                    ×
                  </button>
                )}
                {rowErrors.length > 0 && (
                  <FieldError controlId={invalidIds} className="line-error">
                    {rowErrors.join(' ')}
                  </FieldError>
                )}
              </div>
            );
          })}
          {message('amount') && (
            <FieldError controlId={`${formId}-l0-product`} id={`${formId}-items-error`}>
              {message('amount')}
            </FieldError>
          )}
        </div>
      ) : (
        <div className="form-grid purchase-amounts">
          {moneyField('amount', isReturn ? t('purchase.fields.refundAmount') : t('purchase.fields.amount'), 'purchase-amount')}
        </div>
      )}

      <div className="purchase-bottom">
        <div className="purchase-main">
          <div className="purchase-extra">
            {moneyField('discount', t('purchase.fields.discount'), 'purchase-discount')}
            <Field label={t('purchase.fields.paymentNote')} htmlFor={`${formId}-payment`} error={message('paymentNote')}>
              <input
                id={`${formId}-payment`}
                {...register('paymentNote')}
                list={`${formId}-payments`}
                placeholder={t('purchase.placeholders.paymentNote')}
                aria-invalid={invalid('paymentNote')}
                maxLength={200}
                data-testid="purchase-payment"
              />
              <datalist id={`${formId}-payments`}>
                {(['wechatPay', 'alipay', 'cash', 'card', 'storedValue'] as const).map((k) => (
                  <option key={k} value={t(`purchase.payments.${k}`)} />
                ))}
              </datalist>
            </Field>
            <Field label={t('purchase.fields.note')} htmlFor={`${formId}-note`} error={message('note')} wide>
              <textarea
                id={`${formId}-note`}
                rows={2}
                {...register('note')}
                placeholder={t('purchase.placeholders.note')}
                aria-invalid={invalid('note')}
                data-testid="purchase-note"
              />
            </Field>
          </div>
          {till && settled && (
            <PurchasePoints
              till={till}
              amountFen={fields?.totalFen ?? 0}
              earning={fields ? tillEarning(till, fields, settled.payment.fen + settled.rewardFen, clock()) : null}
              currency={currency}
              requestedPoints={requestedPoints}
              onRequestedPointsChange={(n) => {
                setRequestedPoints(n);
                setPointsError(null);
              }}
              rewardId={rewardId}
              onRewardChange={(id) => {
                setRewardId(id);
                setPointsError(null);
              }}
            />
          )}
          {change && <PointsChangeNote request={change} subject={isReturn ? 'return' : 'edit'} keeps={!isReturn && (loaded.existing?.rewardId !== undefined || (loaded.existing?.pointsPaidFen ?? 0) > 0)} />}
        </div>
        <TotalsPanel
          subtotal={show(totals.subtotal)}
          discount={totals.discount ? show(-totals.discount) : null}
          total={show(totals.total)}
          isReturn={isReturn}
          error={message('total')}
          errorFor={values.mode === 'items' ? `${formId}-l0-product` : `${formId}-amount`}
          points={
            settled && payment && totals.total !== null && (payment.fen > 0 || settled.rewardFen > 0)
              ? {
                  reward: settled.reward && settled.rewardFen > 0 ? { name: settled.reward.name, off: show(-settled.rewardFen) } : null,
                  paid: payment.fen > 0 ? show(-payment.fen) : null,
                  due: show(totals.total - settled.rewardFen - payment.fen),
                }
              : null
          }
        />
      </div>
    </form>
  );
}

/** What saving an edit or a return does to the customer's points, by the write's own calculation. */
function PointsChangeNote({ request, subject, keeps }: { request: PointsChangeRequest; subject: 'return' | 'edit'; keeps: boolean }) {
  const { t, i18n } = useTranslation();
  const change = usePointsChange(request);
  if (!change) return null;
  return (
    <section className="points-change" aria-label={t('points.tillChange.title')} data-testid="purchase-points-change">
      <p role="status">{pointsChangeText(t, i18n.language, change, subject)}</p>
      {keeps && <p className="hint">{t('points.tillChange.unchanged')}</p>}
    </section>
  );
}

/** The customer's points in the dialog: the view, given the live read and the earning as the form stands. */
function PurchasePoints(props: {
  till: TillPointsRead;
  amountFen: number;
  earning: ReturnType<typeof tillEarning> | null;
  currency: Currency;
  requestedPoints: number | null;
  onRequestedPointsChange: (points: number | null) => void;
  rewardId: string | null;
  onRewardChange: (rewardId: string | null) => void;
}) {
  const { till } = props;
  const clock = useClock();
  const tierId = till.facts.tierId;
  return (
    <TillPointsView
      summary={till.summary}
      earning={props.earning}
      tierName={tierId === null ? null : statusGroupName(till.status, tierId, currentLocale())}
      rules={till.rules}
      amountFen={props.amountFen}
      currency={props.currency}
      customer={till.customer}
      rewards={till.rewards}
      // A store without rewards is not asked about them at every purchase.
      offerRewards={till.rewards.length > 0}
      now={clock()}
      rewardId={props.rewardId}
      onRewardChange={props.onRewardChange}
      requestedPoints={props.requestedPoints}
      onRequestedPointsChange={props.onRequestedPointsChange}
    />
  );
}

function TotalsPanel(props: {
  subtotal: string;
  discount: string | null;
  total: string;
  isReturn: boolean;
  error?: string;
  errorFor: string;
  /** What a reward took off, what points paid, and what is left to pay; null when neither. */
  points: { reward: { name: string; off: string } | null; paid: string | null; due: string } | null;
}) {
  const { subtotal, discount, total, isReturn, error, errorFor, points } = props;
  const { t } = useTranslation();
  return (
    <div className={error ? 'totals-panel has-error' : 'totals-panel'} aria-live="polite">
      <dl>
        <div>
          <dt>{t('purchase.fields.subtotal')}</dt>
          <dd className="num">{subtotal}</dd>
        </div>
        {discount && (
          <div>
            <dt>{t('purchase.fields.discount')}</dt>
            <dd className="num">{discount}</dd>
          </div>
        )}
        <div className="totals-grand">
          <dt>{isReturn ? t('purchase.fields.refundTotal') : t('purchase.fields.total')}</dt>
          <dd className="num" data-testid="purchase-total">
            {total}
          </dd>
        </div>
        {points && (
          <>
            {points.reward && (
              <div>
                <dt>{t('points.tillRewards.totalsReward', { name: points.reward.name })}</dt>
                <dd className="num" data-testid="purchase-reward-off">
                  {points.reward.off}
                </dd>
              </div>
            )}
            {points.paid && (
              <div>
                <dt>{t('points.till.totalsPoints')}</dt>
                <dd className="num" data-testid="purchase-points-paid">
                  {points.paid}
                </dd>
              </div>
            )}
            <div>
              <dt>{t('points.till.totalsDue')}</dt>
              <dd className="num" data-testid="purchase-due">
                {points.due}
              </dd>
            </div>
          </>
        )}
      </dl>
      {error && (
        <FieldError controlId={errorFor} id={`${errorFor}-total-error`} testId="purchase-total-error">
          {error}
        </FieldError>
      )}
    </div>
  );
}

interface LineSuggestProps<T extends SuggestOption> {
  control: Control<PurchaseFormValues>;
  name: `lines.${number}.product` | `lines.${number}.category`;
  /** Called after the form's value has taken the typed text. */
  onEdited: (value: string) => void;
  source: SuggestSource<T>;
  onPick: (option: T) => void;
  placeholder?: string;
  id: string;
  'aria-label': string;
  'aria-invalid'?: boolean;
  maxLength: number;
  'data-testid': string;
}

/** A SuggestInput bound to one text field of an item line. */
function LineSuggest<T extends SuggestOption>({ control, name, onEdited, ...rest }: LineSuggestProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: f }) => (
        <SuggestInput
          {...rest}
          name={f.name}
          inputRef={f.ref}
          value={f.value}
          onValueChange={(v) => {
            f.onChange(v);
            onEdited(v);
          }}
          onBlur={f.onBlur}
        />
      )}
    />
  );
}

// ---- suggestion sources -------------------------------------------------------------------------

interface ProductOption extends SuggestOption {
  entry: CatalogEntry;
}

const ProductSource: SuggestSource<ProductOption> = ({ query, render }) => {
  const money = useMoney();
  const entries = useProductSuggestions(query, 8);
  const options = useStableOptions(entries, (e) => ({
    key: e.key,
    entry: e,
    label: e.product,
    detail: (
      <>
        {e.category && <span className="suggest-category">{e.category}</span>}
        <span className="num">{money.format(e.lastUnitPriceFen)}</span>
      </>
    ),
  }));
  return render(options);
};

interface CategoryOption extends SuggestOption {
  category: string;
}

const CategorySource: SuggestSource<CategoryOption> = ({ query, render }) => {
  const names = useCategorySuggestions(query, 8);
  const options = useStableOptions(names, (c) => ({ key: c, category: c, label: c }));
  return render(options);
};

/** Options that keep their identity while the query result does, so the list does not re-report itself. */
function useStableOptions<S, T>(source: S[], map: (s: S) => T): T[] {
  const cache = useRef<{ source: S[]; options: T[] } | null>(null);
  if (!cache.current || !sameItems(cache.current.source, source)) cache.current = { source, options: source.map(map) };
  return cache.current.options;
}

function sameItems<S>(a: S[], b: S[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i] || JSON.stringify(x) === JSON.stringify(b[i]));
}
