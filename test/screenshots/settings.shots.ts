// Screenshots of the settings screen naming stored settings it could not read (their defaults shown), of its
// security section in a new store (what is missing said), and of its pop-ups section (clerk and owner), per language.
import { test, expect } from '../e2e/fixtures';
import { answerOwnerPin } from '../e2e/pages/OwnerPin';
import { PopupsPage } from '../e2e/pages/PopupsPage';
import { SecurityPage } from '../e2e/pages/SecurityPage';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`unreadable settings in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('regulars');
            open.onerror = () => reject(open.error ?? new Error('open failed'));
            open.onsuccess = () => {
              const tx = open.result.transaction('settings', 'readwrite');
              tx.objectStore('settings').put({ key: 'currency', value: 12 });
              tx.objectStore('settings').put({ key: 'status', value: { scheme: 'gold' } });
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error ?? new Error('write failed'));
            };
          }),
      );
      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('settings-unreadable').getByRole('listitem')).toHaveCount(2);
      await page.screenshot({ path: `${OUT}/${tag}-63-settings-unreadable.png` });
    });

    test(`security and privacy in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const security = await SecurityPage.open(page);
      await security.checkChain();
      await expect(security.row('auditChain')).toHaveAttribute('data-level', 'on');
      await security.root.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${OUT}/${tag}-64-settings-security.png` });
      await security.root.screenshot({ path: `${OUT}/${tag}-65-settings-security-section.png` });
    });

    test(`pop-ups in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const popups = await PopupsPage.open(page);
      await popups.root.scrollIntoViewIfNeeded();
      await popups.root.screenshot({ path: `${OUT}/${tag}-66-settings-popups-clerk.png` });
      await popups.unlock.click();
      await answerOwnerPin(page);
      await popups.quietFrom.fill('22:00');
      await popups.quietTo.fill('22:00');
      await popups.save.click();
      await expect(popups.message).toBeVisible();
      await popups.root.screenshot({ path: `${OUT}/${tag}-67-settings-popups-owner.png` });
    });
  });
}
