// Page models of the backup screen, the owner PIN, the restore dialog and the start-up recovery.
import { expect, type Locator, type Page } from '@playwright/test';

export class BackupPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('section.backups');
  }

  static async open(page: Page): Promise<BackupPage> {
    await page.getByTestId('nav-backups').click();
    const screen = new BackupPage(page);
    await expect(screen.root).toBeVisible();
    return screen;
  }

  get rows(): Locator {
    return this.page.getByTestId('backup-row');
  }

  row(trigger: 'manual' | 'automatic' | 'safety' | 'quit'): Locator {
    return this.page.locator(`[data-testid="backup-row"][data-trigger="${trigger}"]`);
  }

  async backUpNow() {
    await this.page.getByTestId('back-up-now').click();
    await expect(this.page.getByTestId('backup-done')).toBeVisible({ timeout: 30_000 });
  }

  /** Starts "Restore…" on a row; the owner PIN comes next. */
  async restoreRow(row: Locator) {
    await row.getByTestId('restore-backup').click();
  }

  /** "Restore from a file…": browser mode has no OS file picker, so the dialog offers the browser's. */
  async restoreFromFile(): Promise<RestoreDialogModel> {
    await this.page.getByTestId('restore-file').click();
    return new RestoreDialogModel(this.page);
  }
}

export class PinDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('pin-dialog');
  }

  /** The first time: a new PIN, typed twice. */
  async setPin(pin: string) {
    await expect(this.root).toBeVisible();
    await this.root.getByTestId('pin-input').fill(pin);
    await this.root.getByTestId('pin-confirm').fill(pin);
    await this.root.getByTestId('pin-submit').click();
    await expect(this.root).toBeHidden();
  }

  async enterPin(pin: string) {
    await expect(this.root).toBeVisible();
    await this.root.getByTestId('pin-input').fill(pin);
    await this.root.getByTestId('pin-submit').click();
  }
}

export class RestoreDialogModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('restore-dialog');
  }

  get preview(): Locator {
    return this.root.getByTestId('restore-preview');
  }

  /** "in the backup" and "today" of one table's row in the preview. */
  async counts(table: string): Promise<{ backup: string; today: string }> {
    const cells = this.root.getByTestId(`restore-count-${table}`).locator('td');
    return { backup: (await cells.nth(0).innerText()).trim(), today: (await cells.nth(1).innerText()).trim() };
  }

  /** Browser mode: the file is picked with the browser's file picker and its bytes sent to main. */
  async pickFile(path: string) {
    await this.root.getByTestId('restore-file-input').setInputFiles(path);
    await this.root.getByTestId('restore-next').click();
  }

  async typePassword(password: string) {
    await this.root.getByTestId('restore-password').fill(password);
    await this.root.getByTestId('restore-next').click();
  }

  /** "I forgot the password: use the recovery key", then the key as typed from the sheet. */
  async typeRecoveryKey(recoveryKey: string) {
    const input = this.root.getByTestId('restore-recovery-key');
    if (!(await input.isVisible())) await this.root.getByTestId('use-recovery-key').click();
    await input.fill(recoveryKey);
    await this.root.getByTestId('restore-next').click();
  }

  /** Confirms the preview; the app reloads into the restored store. */
  async confirm() {
    await expect(this.preview).toBeVisible();
    await this.root.getByTestId('restore-confirm').click();
  }

  get failure(): Locator {
    return this.root.getByTestId('restore-failed');
  }
}

/** Setting backup encryption up: the password dialog, then the recovery sheet, whose key is returned as shown. */
export async function setUpEncryption(page: Page, password: string): Promise<string> {
  const dialog = page.getByTestId('password-dialog');
  await dialog.getByTestId('password-input').fill(password);
  await dialog.getByTestId('password-confirm').fill(password);
  await dialog.getByTestId('password-save').click();
  await expect(dialog).toBeHidden();
  return readRecoverySheet(page);
}

export async function readRecoverySheet(page: Page): Promise<string> {
  const sheet = page.getByTestId('recovery-sheet-dialog');
  await expect(sheet).toBeVisible();
  const key = await sheet.getByTestId('recovery-key').getAttribute('aria-label');
  if (!key) throw new Error('no recovery key on the sheet');
  return key;
}

export async function closeRecoverySheet(page: Page) {
  const sheet = page.getByTestId('recovery-sheet-dialog');
  await expect(sheet.getByTestId('recovery-done')).toBeDisabled();
  await sheet.getByTestId('recovery-kept').check();
  await sheet.getByTestId('recovery-done').click();
  await expect(sheet).toBeHidden();
}

export class RecoveryPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('startup-recovery');
  }

  async expectProblem(problem: 'unreadable' | 'full' | 'newer' | 'lost' | 'found') {
    await expect(this.root).toBeVisible({ timeout: 15_000 });
    await expect(this.root).toHaveAttribute('data-problem', problem);
  }

  async restoreLatest() {
    await this.root.getByTestId('restore-latest').click();
  }
}

/**
 * A start-up with the store open (the app notes that this PC has a store), then the store's data gone as a
 * browser that cleared its storage would leave it (deleted from a page of the same origin that is not the
 * app, so nothing holds the database open), then the app opened again: the recovery screen.
 */
export async function startWithDataLost(page: Page, searchBox: Locator): Promise<RecoveryPage> {
  await page.reload();
  await expect(searchBox).toBeVisible();
  await page.goto('/favicon.png');
  await deleteAppDatabase(page);
  await page.goto('/#/customers');
  const recovery = new RecoveryPage(page);
  await recovery.expectProblem('lost');
  return recovery;
}

/** Deletes the app's database from the page, as a browser that cleared its storage would. */
export async function deleteAppDatabase(page: Page, name = 'regulars') {
  await page.evaluate(
    (database) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(database);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    name,
  );
}

/** Bumps the app's database to a version this app does not know, as a newer app version would leave it. */
export async function openAsNewerVersion(page: Page, name = 'regulars') {
  await page.evaluate(
    (database) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(database, 9_990);
        request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      }),
    name,
  );
}

/** The window's close as the main process announces it (electron/closeGuard.ts), and the page's overlay. */
export class ClosingWindow {
  readonly overlay: Locator;
  constructor(readonly page: Page) {
    this.overlay = page.getByTestId('closing-overlay');
  }

  async request() {
    await this.page.evaluate(() => {
      const emit = (window as unknown as { __regularsMainEvent?: (event: string) => void }).__regularsMainEvent;
      if (!emit) throw new Error('the harness has no main-process events');
      emit('app:closeRequested');
    });
  }
}

type Invoke = (channel: string, payload: unknown) => Promise<{ ok: boolean; value?: { sessionId: string }; reason?: string }>;

/** Opens `count` backup sessions in the main process, as other backups being written would: the service takes two at a time. */
export async function holdBackupSessions(page: Page, count: number): Promise<string[]> {
  return page.evaluate(async (n) => {
    const invoke = (window as unknown as { __regularsInvoke: Invoke }).__regularsInvoke;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const begun = await invoke('backup:begin', { schemaVersion: 1, counts: {}, payloadFormat: 'regulars-tables/1', trigger: 'manual' });
      if (!begun.ok || !begun.value) throw new Error(`backup:begin: ${begun.reason}`);
      ids.push(begun.value.sessionId);
    }
    return ids;
  }, count);
}

export async function releaseBackupSessions(page: Page, sessionIds: string[]): Promise<void> {
  await page.evaluate(async (ids) => {
    const invoke = (window as unknown as { __regularsInvoke: Invoke }).__regularsInvoke;
    for (const sessionId of ids) await invoke('backup:abort', { sessionId });
  }, sessionIds);
}
