// The export screen while saving and once saved (path shown), and the app's own export read back on
// the import screen, per language.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from '../e2e/fixtures';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(`${tag} export and back`, () => {
    test.use({ systemLocale: system });
    test(`export and re-import in ${tag}`, async ({ app, page, dataFolder, ipcHolds }) => {
      test.setTimeout(120_000);
      const shot = (name: string) => page.screenshot({ path: `${OUT}/${tag}-${name}.png` });
      await app.startDemoStore();
      await page.getByTestId('nav-export').click();
      await page.getByTestId('export-kind-purchases').check();
      await page.getByTestId('export-format-xlsx').check();
      let release!: () => void;
      ipcHolds.set('export:commit', new Promise<void>((resolve) => (release = resolve)));
      await page.getByTestId('export-start').click();
      await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'saving');
      await shot('40-export-saving');
      release();
      await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'saved');
      await shot('41-export-saved');

      await page.getByTestId('export-kind-customers').check();
      await page.getByTestId('export-format-csv').check();
      await page.getByTestId('export-start').click();
      await expect(page.getByTestId('export-status')).toHaveAttribute('data-state', 'saved');
      const folder = path.join(dataFolder, 'exports');
      const csv = (await readdir(folder)).find((f) => f.endsWith('.csv'))!;

      await page.getByTestId('nav-import').click();
      await page.getByTestId('import-file').setInputFiles({ name: csv, mimeType: 'text/csv', buffer: await readFile(path.join(folder, csv)) });
      await expect(page.getByTestId('import-own-export')).toBeVisible();
      await shot('42-import-own-export');
    });
  });
}
