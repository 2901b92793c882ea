// Main's copy of the erasure register kept up with the store's beyond each erasure (EraseCustomer sends those): once
// the owner is known in a start, so a register from before main kept one, or one a restore brought, reaches it too.
import { useEffect } from 'react';
import { erasure } from '../../db';
import { useDesktop } from '../../platform/context';
import { isOwnerUnlocked, useOwnerSession } from '../../session/ownerSession';
import { syncErasureRegister } from './erasureRegisterSync';

/** While the store is open: the first time the owner is known in this start, main's copy is brought up to the store's. */
export function useErasureRegisterSync(storeStarted: boolean): void {
  const { api } = useDesktop();
  useEffect(() => {
    if (!storeStarted) return;
    let done = false;
    let running = false;
    const attempt = () => {
      if (done || running || !isOwnerUnlocked(useOwnerSession.getState())) return;
      running = true;
      void syncErasureRegister(api.erasures, erasure.register)
        .then((synced) => {
          done = synced.ok;
          if (!synced.ok) console.error(`[erasures] main's copy of the register was not brought up to date: ${synced.reason}`);
        })
        .finally(() => {
          running = false;
        });
    };
    attempt();
    return useOwnerSession.subscribe(attempt);
  }, [api, storeStarted]);
}
