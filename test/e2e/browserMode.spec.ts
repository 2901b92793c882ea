// Browser mode as a newcomer meets it: `npm run dev:web` on a chosen port starts without a wall of warnings,
// the app speaks the browser's language, whatever the server's is, and "restore from a file" uses the browser's
// file picker, the file's bytes going over the dev server's bridge to main, which checks them. The pop-up settings say
// what a browser tab cannot do (pop-ups, the tray, starting with the computer) rather than offer it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { BackupPage, PinDialog, RestoreDialogModel } from './pages/BackupPages';
import { PopupsPage } from './pages/PopupsPage';

// Next to the e2e port, so checkouts side by side do not collide.
const PORT = Number(process.env.E2E_PORT ?? 4317) + 1000;
const URL = `http://127.0.0.1:${PORT}/`;

interface DevServer {
  process: ChildProcess;
  output: string[];
  dataFolder: string;
}

const test = base.extend<object, { devServer: DevServer }>({
  devServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataFolder = await mkdtemp(path.join(tmpdir(), 'regulars-devweb-'));
      const output: string[] = [];
      // The server's own language is English: the page must not follow it.
      const { FORCE_COLOR: _color, ...env } = process.env;
      const child = spawn('npm', ['run', 'dev:web', '--', '--port', String(PORT), '--strictPort'], {
        env: { ...env, REGULARS_DATA_DIR: dataFolder, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', REGULARS_LOCALE: 'en-US', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      // eslint-disable-next-line no-control-regex
      const plain = (chunk: Buffer) => chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, '').split('\n');
      child.stdout!.on('data', (chunk: Buffer) => output.push(...plain(chunk)));
      child.stderr!.on('data', (chunk: Buffer) => output.push(...plain(chunk)));
      try {
        await expect.poll(() => output.some((line) => line.includes(URL)), { timeout: 60_000 }).toBe(true);
        await use({ process: child, output, dataFolder });
      } finally {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
        await rm(dataFolder, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
});

test.describe.configure({ mode: 'serial' });

test.describe('browser mode (npm run dev:web)', () => {
  test('starts on the chosen port with a short, clean start-up message', async ({ devServer }) => {
    const lines = devServer.output.filter((line) => line.trim() !== '');
    expect(lines.join('\n')).not.toMatch(/warning|\(!\)|without a file extension/i);
    expect(lines.length, lines.join('\n')).toBeLessThan(15);
    expect(lines.join('\n')).toContain(`http://127.0.0.1:${PORT}/`);
  });

  for (const { locale, title } of [
    { locale: 'zh-CN', title: '欢迎使用熟客' },
    { locale: 'zh-TW', title: '歡迎使用熟客' },
    { locale: 'en-US', title: 'Welcome to Regulars' },
  ]) {
    test(`welcomes a ${locale} browser in its language`, async ({ devServer, browser }) => {
      void devServer;
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto(URL);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 30_000 });
      await context.close();
    });
  }

  // Before the restore below, whose backup would greet a new page instead of the welcome.
  test('the pop-up settings say what a browser tab cannot do', async ({ devServer, browser }) => {
    void devServer;
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(URL);
    await page.getByTestId('start-empty').click();
    await expect(new AppPage(page).searchBox).toBeVisible({ timeout: 30_000 });
    const popups = await PopupsPage.open(page);
    await expect(popups.root.getByTestId('popups-no-notifications')).toHaveText(
      'This browser window cannot pop up reminders, stay in the tray or start with the computer: the installed desktop app does.',
    );
    await expect(popups.root).toContainText('Only the desktop app has a tray icon.');
    await expect(popups.digestAt).toHaveValue('09:00');
    await context.close();
  });

  test('restores from a file picked with the browser\'s file picker, over the bridge', async ({ devServer, browser }) => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const app = new AppPage(page);
    await page.goto(URL);
    await page.getByTestId('start-empty').click();
    await expect(app.searchBox).toBeVisible({ timeout: 30_000 });
    const screen = await BackupPage.open(page);
    await screen.backUpNow();
    const [made] = (await readdir(path.join(devServer.dataFolder, 'backups'))).filter((name) => name.endsWith('.rgbackup'));
    const restore = await screen.restoreFromFile();
    await new PinDialog(page).setPin('2580');
    await restore.pickFile(path.join(devServer.dataFolder, 'backups', made!));
    const dialog = new RestoreDialogModel(page);
    await expect(dialog.preview).toBeVisible();
    await expect(dialog.root).toContainText(made!);
    expect(await readdir(path.join(devServer.dataFolder, 'received'))).toHaveLength(1);
    await context.close();
  });
});
