// Void a purchase or return with a reason: it stays on the timeline, struck through, and leaves every total.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReturn, validateVoidReason, type Purchase, type PurchaseErrorCode } from '../../../shared/domain/purchase';
import { purchases } from '../../db';
import { useActiveReturnCount } from '../../db/hooks';
import { PurchaseRuleError } from '../../db/purchases';
import { formatDateTime } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { FieldError } from '../../ui/FormField';
import { ImeEscapeGuard } from './ImeEscapeGuard';
import { useMoney } from '../../ui/useMoney';

const QUICK_REASONS = ['duplicate', 'wrongCustomer', 'wrongAmount', 'cancelled'] as const;

interface Props {
  purchase: Purchase;
  onClose: () => void;
  onVoided: (purchase: Purchase) => void;
}

export function VoidPurchaseDialog({ purchase, onClose, onVoided }: Props) {
  const { t } = useTranslation();
  const money = useMoney();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<PurchaseErrorCode | 'failed' | null>(null);
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const activeReturns = useActiveReturnCount(purchase.id);
  const blocked = (activeReturns ?? 0) > 0;
  const aReturn = isReturn(purchase);

  useEffect(() => {
    // Runs after the Dialog's own focus (a parent's effect runs after its children's).
    field.current?.focus();
  }, []);

  const confirm = async () => {
    const checked = validateVoidReason(reason);
    if (!checked.ok) {
      setError(checked.reason);
      field.current?.focus();
      return;
    }
    setSaving(true);
    try {
      onVoided(await purchases.void(purchase.id, checked.value));
    } catch (e) {
      if (e instanceof PurchaseRuleError) setError(e.code);
      else {
        console.error(e);
        setError('failed');
      }
      setSaving(false);
    }
  };

  return (
    <>
      <ImeEscapeGuard />
      <Dialog
        title={aReturn ? t('purchase.void.titleReturn') : t('purchase.void.title')}
        onClose={onClose}
        testId="void-dialog"
        footer={
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void confirm()} disabled={saving || blocked} data-testid="void-confirm">
              {aReturn ? t('purchase.void.confirmReturn') : t('purchase.void.confirm')}
            </button>
          </>
        }
      >
        <p className="void-what">
          <strong>{formatDateTime(purchase.purchasedAt)}</strong>
          <span className="num">{money.format(purchase.totalFen)}</span>
        </p>
        <p className="muted">{t('purchase.void.explain')}</p>
        {blocked && (
          <p className="banner banner-warning" role="status" data-testid="void-blocked">
            {t('purchase.errors.void-has-returns')}
          </p>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229 && e.target instanceof HTMLTextAreaElement) {
              e.preventDefault();
              if (!blocked) void confirm();
            }
          }}
          noValidate
        >
          <div className={error ? 'form-field has-error' : 'form-field'}>
            <label htmlFor="void-reason">{t('purchase.void.reason')}</label>
            <textarea
              id="void-reason"
              ref={field}
              rows={2}
              value={reason}
              maxLength={400}
              aria-invalid={error ? true : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                if (error) setError(null);
              }}
              data-testid="void-reason"
            />
            {error && <FieldError controlId="void-reason">{error === 'failed' ? t('purchase.saveFailed') : t(`purchase.errors.${error}`)}</FieldError>}
          </div>
          <div className="chips" role="group" aria-label={t('purchase.void.quickReasons')}>
            {QUICK_REASONS.map((k) => (
              <button
                key={k}
                type="button"
                className="chip"
                onClick={() => {
                  setReason(t(`purchase.void.reasons.${k}`));
                  setError(null);
                  field.current?.focus();
                }}
              >
                {t(`purchase.void.reasons.${k}`)}
              </button>
            ))}
          </div>
        </form>
      </Dialog>
    </>
  );
}
