// Main's copy of the erasure register kept up with the store's beyond each erasure (EraseCustomer sends those): once
// the owner is known in a start, so a register from before main kept one, or one a restore brought, reaches it too.
import { useEffect } from 'react';
import { useDesktop } from '../../platform/context';
import { isOwnerUnlocked, useOwnerSession } from '../../session/ownerSession';
import { syncErasureRegister } from './erasureRegisterSync';

// Whether main's copy may lack some of the store's register: at each start, and after an erasure main did not take.
let behind = true;

/** An erasure's entries did not reach main: the next owner session sends them. */
export function markErasureRegisterBehind(): void {
  behind = true;
}

/** While the store is open: when main's copy may be behind and the owner is known, it is brought up to the store's. */
export function useErasureRegisterSync(storeStarted: boolean): void {
  const { api } = useDesktop();
  useEffect(() => {
    if (!storeStarted) return;
    let running = false;
    const attempt = () => {
      if (!behind || running || !isOwnerUnlocked(useOwnerSession.getState())) return;
      running = true;
      behind = false;
      // The database module is asked for here, not imported: App runs this hook, and importing renderer/db would load
      // every repository (imports, merge, lunar birthdays) with the first screen.
      void import('../../db')
        .then(({ erasure }) => syncErasureRegister(api.erasures, erasure.register))
        .catch((error: unknown) => ({ ok: false as const, reason: error instanceof Error ? error.name : String(error) }))
        .then((synced) => {
          if (synced.ok) return;
          behind = true;
          console.error(`[erasures] main's copy of the register was not brought up to date: ${synced.reason}`);
        })
        .finally(() => {
          running = false;
        });
    };
    attempt();
    return useOwnerSession.subscribe(attempt);
  }, [api, storeStarted]);
}
