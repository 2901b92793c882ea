import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { err } from '../../../shared/result';
import { DEFAULT_RETENTION_SETTINGS } from '../../../shared/domain/backupRetention';
import { DEFAULT_SCHEDULE_SETTINGS } from '../../../shared/domain/backupSchedule';
import { nodeBackupRandom } from './os';
import { PASSWORD_FILE, PROTECTION_FILE, RECOVERY_SECRET_FILE, SETTINGS_FILE, createBackupSettingsStore, type SecretProtector } from './settingsStore';
import { BEGIN, createTestService, faultyFs, listFolder, tempFolder } from '../../../test/support/backupService';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});
async function folder(prefix?: string) {
  const made = await tempFolder(prefix);
  folders.push(made);
  return made;
}

/** Reversible and recognisable, like DPAPI or the Keychain would be to us. */
function protector(overrides: Partial<SecretProtector> = {}): SecretProtector {
  return {
    isAvailable: () => true,
    encrypt: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`),
    decrypt: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('cannot unseal');
      return Buffer.from(text.slice(7), 'hex').toString();
    },
    ...overrides,
  };
}

function store(dataFolder: string, options: { protector?: SecretProtector | null; fs?: ReturnType<typeof faultyFs>; logs?: string[] } = {}) {
  return createBackupSettingsStore({
    fs: options.fs ?? faultyFs(),
    random: nodeBackupRandom,
    sleep: async () => undefined,
    dataFolder,
    protector: options.protector === undefined ? protector() : options.protector,
    log: (line) => options.logs?.push(line),
  });
}

describe('backup settings', () => {
  it('starts with the defaults: the folder inside the data folder, 24 h / 10 / 30 days / 12 months', async () => {
    const dataFolder = await folder();
    const settings = store(dataFolder);
    await settings.load();
    expect(settings.view()).toEqual({
      folder: null,
      retention: DEFAULT_RETENTION_SETTINGS,
      schedule: DEFAULT_SCHEDULE_SETTINGS,
      effectiveFolder: path.join(dataFolder, 'backups'),
      defaultFolder: path.join(dataFolder, 'backups'),
      passwordSet: false,
      passwordStorageAvailable: true,
      // Encrypted from the start, for a recovery key made here whose sheet the owner has not seen yet.
      encryption: { state: 'automatic', recoveryKey: { id: expect.stringMatching(/^[0-9a-f]{16}$/), createdAt: expect.any(String) }, offAt: null, sheetShownAt: null },
    });
    expect(settings.location()).toEqual({ folder: path.join(dataFolder, 'backups'), isDefault: true });
  });

  it('keeps what the owner set across restarts', async () => {
    const dataFolder = await folder();
    const usb = await folder('regulars-usb-');
    const first = store(dataFolder);
    await first.load();
    const retention = { recentHours: 12, recentMax: 5, dailyDays: 14, monthlyMonths: 24 };
    const schedule = { ...DEFAULT_SCHEDULE_SETTINGS, quietMinutes: 10 };
    expect(await first.configure({ folder: usb, retention, schedule })).toMatchObject({ ok: true, value: { folder: usb, retention, schedule } });
    const second = store(dataFolder);
    await second.load();
    expect(second.settings()).toEqual({ folder: usb, retention, schedule });
    expect(second.location()).toEqual({ folder: usb, isDefault: false });
    expect(await listFolder(usb)).toEqual([]); // the writability probe left nothing behind
  });

  it.each([
    ['not JSON', '{ "folder": '],
    ['the wrong shape', JSON.stringify({ folder: null, retention: { recentHours: -1 } })],
    ['a relative folder', JSON.stringify({ folder: 'backups', retention: DEFAULT_RETENTION_SETTINGS, schedule: DEFAULT_SCHEDULE_SETTINGS })],
    ['an oversized file', ' '.repeat(70_000)],
  ])('falls back to the defaults on a settings file with %s', async (_name, content) => {
    const dataFolder = await folder();
    await writeFile(path.join(dataFolder, SETTINGS_FILE), content);
    const logs: string[] = [];
    const settings = store(dataFolder, { logs });
    await settings.load();
    expect(settings.settings().folder).toBeNull();
    expect(settings.settings().retention).toEqual(DEFAULT_RETENTION_SETTINGS);
  });

  it('refuses a folder that is relative, missing, a file, or not writable, and keeps the old one', async () => {
    const dataFolder = await folder();
    const file = path.join(dataFolder, 'a file');
    await writeFile(file, 'x');
    const readOnly = await folder('regulars-ro-');
    const fs = faultyFs([{ op: 'open', when: (target) => target.startsWith(readOnly), code: 'EACCES' }]);
    const settings = store(dataFolder, { fs });
    await settings.load();
    expect(await settings.configure({ folder: 'D:relative' })).toEqual(err('backup-folder-invalid'));
    expect(await settings.configure({ folder: path.join(dataFolder, 'nope') })).toEqual(err('backup-folder-missing'));
    expect(await settings.configure({ folder: file })).toEqual(err('backup-folder-invalid'));
    expect(await settings.configure({ folder: readOnly })).toEqual(err('backup-no-permission'));
    expect(settings.settings().folder).toBeNull();
  });

  it('refuses a system folder or the top of a drive, by its path or where its links lead, with a reason of its own', async () => {
    const dataFolder = await folder();
    const links = await folder('regulars-links-');
    await symlink('/etc', path.join(links, 'to-etc'));
    await symlink('/', path.join(links, 'to-root'));
    await symlink('/usr', path.join(links, 'to-usr'));
    await mkdir(path.join(links, 'real'));
    const settings = store(dataFolder, { fs: faultyFs() });
    await settings.load();
    for (const hostile of [
      '/',
      '/etc',
      '/etc/',
      '/usr/share/../lib',
      `${dataFolder}/../../../etc`,
      '/var/backups',
      '/home',
      path.join(links, 'to-etc'),
      path.join(links, 'to-root'),
      path.join(links, 'to-usr', 'share'),
      `${path.join(links, 'real')}/../to-etc/`,
    ]) {
      expect([hostile, await settings.configure({ folder: hostile })]).toEqual([hostile, err('backup-folder-system')]);
    }
    expect(settings.settings().folder).toBeNull();
    expect(await settings.configure({ folder: path.join(links, 'real') })).toMatchObject({ ok: true, value: { folder: path.join(links, 'real') } });
  });

  it('judges the folders of the OS it runs on (here: Windows names are no folders of this OS)', async () => {
    const dataFolder = await folder();
    const settings = createBackupSettingsStore({
      fs: faultyFs(),
      random: nodeBackupRandom,
      sleep: async () => undefined,
      dataFolder,
      protector: null,
      log: () => undefined,
      system: { platform: 'darwin', env: {} },
    });
    await settings.load();
    expect(await settings.configure({ folder: '/System/Library' })).toEqual(err('backup-folder-system'));
    expect(await settings.configure({ folder: '/LIBRARY/' })).toEqual(err('backup-folder-system'));
    expect(await settings.configure({ folder: 'C:\\Windows' })).toEqual(err('backup-folder-invalid'));
  });

  it('falls back to the default folder when the settings file names a system folder (edited by hand)', async () => {
    const dataFolder = await folder();
    await writeFile(path.join(dataFolder, SETTINGS_FILE), JSON.stringify({ folder: '/etc', retention: { ...DEFAULT_RETENTION_SETTINGS, recentMax: 4 }, schedule: DEFAULT_SCHEDULE_SETTINGS }));
    const logs: string[] = [];
    const settings = store(dataFolder, { logs });
    await settings.load();
    expect(settings.location()).toEqual({ folder: path.join(dataFolder, 'backups'), isDefault: true });
    expect(logs).toContain('[backup] the backup settings name a folder that cannot hold backups; using the defaults');
  });

  it('leaves the settings as they were when they cannot be saved', async () => {
    const dataFolder = await folder();
    const logs: string[] = [];
    const settings = store(dataFolder, { logs, fs: faultyFs([{ op: 'write', when: (file) => file.endsWith('.settings'), code: 'ENOSPC' }]) });
    await settings.load();
    expect(await settings.configure({ retention: { ...DEFAULT_RETENTION_SETTINGS, recentMax: 3 } })).toEqual(err('backup-disk-full'));
    expect(settings.settings().retention).toEqual(DEFAULT_RETENTION_SETTINGS);
    // The sealed key was kept, but its record could not be: nothing is wrapped for a key the settings do not name.
    expect(await listFolder(dataFolder)).toEqual([RECOVERY_SECRET_FILE]);
    expect(settings.view().encryption.state).toBe('not-set-up');
    expect(await settings.writeKeys()).toEqual({ ok: true, value: null });
    expect(logs).toContain('[backup] the recovery key for automatic encryption could not be recorded; backups are not encrypted');
  });
});

describe('the backup password', () => {
  it('is sealed by the OS, never stored in plain text, and survives a restart', async () => {
    const dataFolder = await folder();
    const first = store(dataFolder);
    await first.load();
    expect(await first.setPassword('老板的密码')).toMatchObject({ ok: true, value: { passwordSet: true } });
    const sealed = await readFile(path.join(dataFolder, PASSWORD_FILE));
    expect(sealed.includes(Buffer.from('老板的密码'))).toBe(false);
    const second = store(dataFolder);
    await second.load();
    expect(second.view().passwordSet).toBe(true);
    expect(await second.password()).toEqual({ ok: true, value: '老板的密码' });
    expect(await second.setPassword(null)).toMatchObject({ ok: true, value: { passwordSet: false } });
    expect(await listFolder(dataFolder)).not.toContain(PASSWORD_FILE);
    expect(await second.password()).toEqual({ ok: true, value: null });
  });

  it('is refused when the OS cannot protect it', async () => {
    const dataFolder = await folder();
    const settings = store(dataFolder, { protector: protector({ isAvailable: () => false }) });
    await settings.load();
    expect(settings.view().passwordStorageAvailable).toBe(false);
    expect(await settings.setPassword('x')).toEqual(err('unavailable'));
  });

  it('stops backups, rather than writing them unencrypted, when a set password can no longer be unsealed', async () => {
    const dataFolder = await folder();
    await writeFile(path.join(dataFolder, PASSWORD_FILE), 'sealed by another user account');
    const { service, notices } = await createTestService({ dataFolder, protector: protector() });
    expect(await service.begin({ ...BEGIN, trigger: 'automatic' })).toEqual(err('backup-password-unreadable'));
    expect(notices).toEqual([{ kind: 'backup-failed', reason: 'backup-password-unreadable', trigger: 'automatic' }]);
    expect(await listFolder(path.join(dataFolder, 'backups'))).toEqual([]);
  });

  it('lives in memory only where there is no OS protection (browser mode)', async () => {
    const dataFolder = await folder();
    const settings = store(dataFolder, { protector: null });
    await settings.load();
    expect(await settings.setPassword('p')).toMatchObject({ ok: true, value: { passwordSet: true, passwordStorageAvailable: true } });
    expect(await settings.password()).toEqual({ ok: true, value: 'p' });
    // Only the recovery key's public half reaches the disk; its secret stays in memory like the password.
    expect(await listFolder(dataFolder)).toEqual([PROTECTION_FILE]);
    const held = await settings.heldRecoveryKey();
    expect(held).not.toBeNull();
    expect((await readFile(path.join(dataFolder, PROTECTION_FILE), 'utf8')).includes(held!)).toBe(false);
  });
});
