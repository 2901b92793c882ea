// What a call-back cadence counts from: the later of a customer's last visit and last logged contact.

/** No visit and no contact: nothing to count a cadence from, so no call-back falls due ('' is below every time). */
export const NO_TOUCH = '';

/** The later of the two ISO times (either may be missing), as the index stores it. */
export function lastTouchSort(lastPurchaseAt: string | null, lastContactAt: string | null): string {
  const purchase = lastPurchaseAt ?? NO_TOUCH;
  const contact = lastContactAt ?? NO_TOUCH;
  return contact > purchase ? contact : purchase;
}

/** The derived contact fields of a customer whose latest logged contact is `lastContactAt`. */
export function contactFields(lastPurchaseAt: string | null, lastContactAt: string | null): { lastContactAt: string | null; lastTouchSort: string } {
  return { lastContactAt, lastTouchSort: lastTouchSort(lastPurchaseAt, lastContactAt) };
}

/** A customer with no visit and no logged contact. */
export const NO_CONTACT: Readonly<{ lastContactAt: null; lastTouchSort: string }> = Object.freeze({ lastContactAt: null, lastTouchSort: NO_TOUCH });
