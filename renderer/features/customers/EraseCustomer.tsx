// "Erase this customer" on the customer page (active or in the trash): an owner action (customers.erase) behind the
// owner gate, then the confirmation, then the erasure and back to the list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../shared/domain/permissions';
import type { ErasurePurchaseChoice } from '../../../shared/domain/erasure';
import { erasure } from '../../db';
import type { ErasurePreview } from '../../db/erasure';
import { useOwnerPin } from '../../db/hooks';
import { useOwnerGate } from '../../session/useOwnerGate';
import { navigate } from '../../ui/routes';
import { EraseCustomerDialog } from './EraseCustomerDialog';

/** The permission this needs (shared/domain/permissions.ts). */
export const ERASE_ACTION: Action = 'customers.erase';

export function EraseCustomer({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const gate = useOwnerGate(useOwnerPin());
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<ErasurePreview | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPreview(undefined);
    void erasure.preview(customerId).then((p) => live && setPreview(p));
    return () => {
      live = false;
    };
  }, [open, customerId]);

  const erase = async (purchases: ErasurePurchaseChoice) => {
    setBusy(true);
    setFailed(false);
    try {
      await erasure.erase(customerId, purchases);
      setOpen(false);
      navigate({ name: 'customers' });
    } catch (error) {
      console.error(error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        type="button"
        className="button button-danger-quiet"
        onClick={() => gate.run(t('erase.purpose'), () => setOpen(true))}
        data-testid="erase-customer"
        data-action={ERASE_ACTION}
      >
        {t('erase.button')}
      </button>
      {gate.dialog}
      {open && <EraseCustomerDialog name={name} preview={preview} busy={busy} failed={failed} onConfirm={(c) => void erase(c)} onCancel={() => setOpen(false)} />}
    </>
  );
}
