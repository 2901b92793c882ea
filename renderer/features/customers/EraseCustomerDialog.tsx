// The owner's confirmation of "Erase this customer": what goes, what the backups still hold, and the choice the
// owner must make for the purchases (delete them, or keep them without the customer for the sales totals).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErasurePurchaseChoice } from '../../../shared/domain/erasure';
import type { ErasurePreview } from '../../db/erasure';
import { Dialog } from '../../ui/Dialog';
import { useMoney } from '../../ui/useMoney';

export interface EraseCustomerDialogProps {
  name: string;
  /** undefined while it is counted. */
  preview: ErasurePreview | undefined;
  busy: boolean;
  failed: boolean;
  onConfirm: (purchases: ErasurePurchaseChoice) => void;
  onCancel: () => void;
}

export function EraseCustomerDialog({ name, preview, busy, failed, onConfirm, onCancel }: EraseCustomerDialogProps) {
  const { t } = useTranslation();
  const money = useMoney();
  // No default: the owner says what becomes of the purchases.
  const [choice, setChoice] = useState<ErasurePurchaseChoice | null>(null);
  const noPurchases = preview !== undefined && preview.purchases === 0;
  const ready = preview !== undefined && (noPurchases || choice !== null) && !busy;
  const options: { value: ErasurePurchaseChoice; hint: string }[] = [
    { value: 'delete', hint: t('erase.deleteHint', { amount: money.format(preview?.salesFen ?? 0) }) },
    { value: 'anonymise', hint: t('erase.anonymiseHint') },
  ];
  return (
    <Dialog
      title={t('erase.title', { name })}
      onClose={onCancel}
      wide
      testId="erase-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-autofocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={!ready}
            onClick={() => onConfirm(noPurchases ? 'delete' : choice!)}
            data-testid="erase-confirm"
          >
            {busy ? t('erase.erasing') : t('erase.confirm')}
          </button>
        </>
      }
    >
      <p>{t('erase.intro', { name })}</p>
      {preview === undefined ? (
        !failed && <div className="loading" aria-busy="true" />
      ) : (
        <>
          <ul className="erase-list" data-testid="erase-what">
            <li>{t('erase.what.profile')}</li>
            <li>{t('erase.what.contacts', { count: preview.contacts })}</li>
            <li>{t('erase.what.consent', { count: preview.consentAnswers })}</li>
            <li>{t('erase.what.history')}</li>
            {preview.mergedRecords > 0 && <li>{t('erase.what.merged', { count: preview.mergedRecords })}</li>}
          </ul>
          {noPurchases ? (
            <p className="hint">{t('erase.noPurchases')}</p>
          ) : (
            <fieldset className="erase-choice">
              <legend>{t('erase.purchasesQuestion', { count: preview.purchases, amount: money.format(preview.salesFen) })}</legend>
              {options.map((o) => (
                <label key={o.value} className={`erase-option${choice === o.value ? ' is-selected' : ''}`}>
                  <input type="radio" name="erase-purchases" value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} data-testid={`erase-purchases-${o.value}`} />
                  <span>
                    <strong>{t(`erase.purchases.${o.value}`)}</strong>
                    <span className="hint">{o.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <p className="hint">{t('erase.exportFirst')}</p>
          <p className="banner banner-warning">{t('erase.backups')}</p>
        </>
      )}
      {failed && (
        <p className="form-error" role="alert" data-testid="erase-failed">
          {t('erase.failed')}
        </p>
      )}
    </Dialog>
  );
}
