// Page model of the owner PIN asked in place: owner actions in specs go through `asOwner`.
import { expect, type Locator, type Page } from '@playwright/test';

/** The owner PIN every spec sets the first time an owner action asks for one. */
export const E2E_OWNER_PIN = '2580';

/** Answers the PIN dialog: sets the PIN the first time (typed twice), types it otherwise. */
export async function answerOwnerPin(page: Page, pin = E2E_OWNER_PIN): Promise<void> {
  const dialog = page.getByTestId('pin-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('pin-input').fill(pin);
  const confirmation = dialog.getByTestId('pin-confirm');
  if ((await confirmation.count()) > 0) await confirmation.fill(pin);
  await dialog.getByTestId('pin-submit').click();
  await expect(dialog).toBeHidden();
}

/**
 * Does `act` as the owner: the top bar's chip says whether the owner is unlocked on this screen already;
 * when not, the PIN dialog must come and is answered.
 */
export async function asOwner(page: Page, act: () => Promise<void>, pin = E2E_OWNER_PIN): Promise<void> {
  const unlocked = await page.getByTestId('owner-chip').isVisible();
  await act();
  if (!unlocked) await answerOwnerPin(page, pin);
}

/** Clicks a control that may need the owner (it says so with data-owner-locked), answering the PIN when it is asked. */
export async function clickAsNeeded(page: Page, control: Locator, pin = E2E_OWNER_PIN): Promise<void> {
  const locked = (await control.getAttribute('data-owner-locked')) === 'true';
  await control.click();
  if (locked) await answerOwnerPin(page, pin);
}
