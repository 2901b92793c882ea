// "Erase this customer" on the customer page (active or in the trash): an owner action (customers.erase), locked for
// the clerk and asking the owner PIN in place (the app-wide owner gate), then the confirmation (which asks again if
// the owner session ended while it was open), the erasure, the list.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../shared/domain/permissions';
import type { ErasurePurchaseChoice } from '../../../shared/domain/erasure';
import { erasure } from '../../db';
import type { ErasurePreview } from '../../db/erasure';
import { useDesktop } from '../../platform/context';
import { useOwnerGate } from '../../session/ownerGate';
import { OwnerButton } from '../../session/OwnerOnly';
import { navigate } from '../../ui/routes';
import { EraseCustomerDialog } from './EraseCustomerDialog';
import { recordErasures } from './erasureRegisterSync';
import { markErasureRegisterBehind } from './useErasureRegisterSync';

/** The permission this needs (shared/domain/permissions.ts). */
export const ERASE_ACTION: Action = 'customers.erase';

export function EraseCustomer({ customerId, name }: { customerId: string; name: string }) {
  const { t } = useTranslation();
  const { api } = useDesktop();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<ErasurePreview | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const gate = useOwnerGate();

  useEffect(() => {
    if (!open) return;
    let live = true;
    setPreview(undefined);
    setFailed(false);
    erasure.preview(customerId).then(
      (p) => live && setPreview(p),
      (error: unknown) => {
        console.error(error);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [open, customerId]);

  const erase = async (purchases: ErasurePurchaseChoice) => {
    setBusy(true);
    setFailed(false);
    try {
      const erased = await erasure.erase(customerId, purchases);
      // Main keeps the register too, so a restore where this store is gone (a new PC) erases them again. Sent before
      // leaving the screen, which ends the owner session; should main not take it, the next owner session sends it.
      const recorded = recordErasures(api.erasures, erased.entries);
      setOpen(false);
      navigate({ name: 'customers' });
      const answer = await recorded;
      if (!answer.ok) {
        markErasureRegisterBehind();
        console.error(`[erasures] main's copy of the register was not updated: ${answer.reason}`);
      }
    } catch (error) {
      console.error(error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <OwnerButton action={ERASE_ACTION} className="button button-danger-quiet" onClick={() => setOpen(true)} testId="erase-customer">
        {t('erase.button')}
      </OwnerButton>
      {open && <EraseCustomerDialog name={name} preview={preview} busy={busy} failed={failed} onConfirm={(c) => gate.run(ERASE_ACTION, () => void erase(c))} onCancel={() => setOpen(false)} />}
    </>
  );
}
