// Drawn on the server (react-dom/server: no DOM test environment) in each language: the states the e2e harness
// cannot reach (an installed app's walls, a wall down, a tampered log), worded, with no raw keys.
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES, type AppSecurity } from '../../../shared/ipc/contract';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { securityRows, type SecurityInputs } from './securityState';
import { SecurityView } from './SecurityView';

const NOW = new Date(2026, 2, 15, 10, 0);
const PACKAGED: AppSecurity = {
  electron: { version: '45.6.0', packaged: true, contextIsolation: true, sandbox: true, contentSecurityPolicy: true, fuses: true, debugSwitchesRefused: true },
};
const KEY = { id: '0123456789abcdef', createdAt: '2026-03-01T08:00:00.000Z' };
const INPUTS: SecurityInputs = {
  pinSet: true,
  backups: { encryption: { state: 'on', recoveryKey: null, offAt: null, sheetShownAt: null }, automatic: true },
  lastBackupAt: null,
  chain: { status: 'broken', count: 9, problem: 'edited', seq: 4, entryId: '7c9e6679-7425-40de-944b-e07fc1f90ae7' },
  security: PACKAGED,
  now: NOW,
};

async function draw(lng: string, inputs: Partial<SecurityInputs> = {}) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <SecurityView rows={securityRows({ ...INPUTS, ...inputs })} now={NOW} checkingChain={false} chainCheckFailed={false} onCheckChain={() => undefined} />
    </I18nextProvider>,
  );
}

describe('the security section as drawn', () => {
  it.each(APP_LOCALES)('words every state in %s, with no raw key', async (lng) => {
    const encryptionStates: Partial<SecurityInputs>[] = (
      [
        { state: 'automatic', recoveryKey: KEY, offAt: null, sheetShownAt: null },
        { state: 'automatic', recoveryKey: KEY, offAt: null, sheetShownAt: '2026-03-02T08:00:00.000Z' },
        { state: 'off', recoveryKey: null, offAt: '2026-03-10T08:00:00.000Z', sheetShownAt: null },
        { state: 'not-set-up', recoveryKey: null, offAt: null, sheetShownAt: null },
      ] as const
    ).map((encryption) => ({ backups: { encryption, automatic: true } }));
    for (const inputs of [{}, { security: { electron: null } }, { security: null, pinSet: null, backups: null, lastBackupAt: undefined, chain: null }, { pinSet: false }, ...encryptionStates]) {
      const html = await draw(lng, inputs);
      expect(html).not.toMatch(/settings\.security\.|audit\.chain\./);
    }
  });

  it("lists an installed app's walls, each marked on", async () => {
    const html = await draw('en');
    expect(html).toContain('Installed app, Electron 45.6.0.');
    for (const wall of ['contextIsolation', 'sandbox', 'contentSecurityPolicy', 'fuses', 'debugSwitchesRefused']) {
      expect(html).toContain(`data-testid="security-wall-${wall}" data-on="true"`);
    }
  });

  it('marks a wall that is down, and the row as a warning', async () => {
    const html = await draw('zh-CN', { security: { electron: { ...PACKAGED.electron!, sandbox: false } } });
    expect(html).toContain('data-testid="security-wall-sandbox" data-on="false"');
    expect(html).toMatch(/data-testid="security-electron" data-level="warning"/);
  });

  it('names what is wrong with automatic backups that are on', async () => {
    expect(await draw('en', { lastBackupAt: null })).toMatch(/data-testid="security-automaticBackups" data-level="warning">.*?>No backup yet</);
    const stale = await draw('zh-CN', { lastBackupAt: new Date(2026, 1, 1).toISOString() });
    expect(stale).toMatch(/data-testid="security-automaticBackups" data-level="warning">.*?>备份过旧</);
    expect(stale).toContain('已超过一周');
    expect(await draw('zh-TW', { lastBackupAt: new Date(2026, 2, 15, 9).toISOString() })).toMatch(/data-testid="security-automaticBackups" data-level="on">.*?>已開啟</);
  });

  it('says where the log was tampered with', async () => {
    const html = await draw('zh-CN');
    expect(html).toContain('第 4 条记录在写入后被修改过。');
    expect(html).toContain('被篡改过');
  });
});
