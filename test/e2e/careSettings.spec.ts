// The owner's care-reminder settings end to end: the defaults shown, changed by the owner (the PIN asked at the save),
// kept after a reload; a value out of range refused with its reason, what was typed kept and nothing stored.
import { test, expect } from './fixtures';
import { CareSettingsPage } from './pages/CareSettingsPage';

test.use({ now: new Date(2026, 11, 5, 10, 0) });

test.describe('care reminder settings', () => {
  test('the owner changes the lead times and the overdue threshold; they stay after a reload; a bad value is refused', async ({ app, page }) => {
    await app.startEmptyStore();
    let care = await CareSettingsPage.open(page);
    await expect(care.root.getByRole('heading', { name: '关怀提醒' })).toBeVisible();
    await care.expectValues({ birthday: '3', festival: '7', followUp: '0', points: '7', cadenceOverdueDays: '14' });
    // The clerk may type; the save is the owner's.
    await expect(care.saveButton).toHaveAttribute('data-owner-locked', 'true');

    // Full-width digits, as a Chinese IME types them, count.
    await care.fill({ birthday: '5', festival: '１０', points: '14', cadenceOverdueDays: '21' });
    await care.save();
    await expect(care.saved).toHaveText('已保存。');
    await care.expectValues({ birthday: '5', festival: '10', followUp: '0', points: '14', cadenceOverdueDays: '21' });

    // Out of range: refused with the range, the typed text kept, the field focused; nothing else is lost.
    await care.fill({ festival: '61', cadenceOverdueDays: '0' });
    await expect(care.saved).toHaveCount(0);
    await care.saveRefused();
    await expect(care.error('festival')).toHaveText('请输入 0 到 60 之间的整数。');
    await expect(care.error('cadenceOverdueDays')).toHaveText('请输入 1 到 365 之间的整数。');
    await expect(care.field('festival')).toHaveValue('61');
    await expect(care.field('festival')).toBeFocused();
    await expect(care.field('festival')).toHaveAttribute('aria-invalid', 'true');
    await expect(care.saved).toHaveCount(0);

    // After a reload: what was saved, not what was refused.
    await page.reload();
    care = await CareSettingsPage.open(page);
    await care.expectValues({ birthday: '5', festival: '10', followUp: '0', points: '14', cadenceOverdueDays: '21' });
    await expect(care.error('festival')).toHaveCount(0);
  });

  test.describe('in English', () => {
    test.use({ systemLocale: 'en-US' });

    test('refuses a bad value in English', async ({ app, page }) => {
      await app.startEmptyStore();
      const care = await CareSettingsPage.open(page);
      await expect(care.root.getByRole('heading', { name: 'Care reminders' })).toBeVisible();
      await care.fill({ birthday: 'three' });
      // Checked before the owner is asked: no PIN for a value that cannot be stored.
      await care.saveRefused();
      await expect(page.getByTestId('pin-dialog')).toHaveCount(0);
      await expect(care.error('birthday')).toHaveText('Enter a whole number from 0 to 60.');
      await expect(care.field('birthday')).toHaveValue('three');
    });
  });
});
