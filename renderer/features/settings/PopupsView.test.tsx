// Drawn on the server (react-dom/server: no DOM test environment) in each language: the desktop's form, the browser
// mode's (what it cannot do said), the clerk's, and each message, worded, with no raw keys.
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { DEFAULT_REMINDER_PREFS } from '../../../shared/ipc/reminderSchedule';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { popupsProblem } from './PopupsSection';
import { PopupsView, type PopupsViewProps } from './PopupsView';

const DESKTOP = { prefs: DEFAULT_REMINDER_PREFS, supports: { notifications: true, tray: true, openAtLogin: true } };
const BROWSER = { prefs: DEFAULT_REMINDER_PREFS, supports: { notifications: false, tray: false, openAtLogin: false } };
const BASE: PopupsViewProps = {
  load: { state: 'ready', view: DESKTOP },
  draft: DEFAULT_REMINDER_PREFS,
  locked: false,
  changed: false,
  saving: false,
  message: null,
  onChange: () => undefined,
  onSave: () => undefined,
  onUnlock: () => undefined,
};

async function draw(lng: string, props: Partial<PopupsViewProps> = {}) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <PopupsView {...BASE} {...props} />
    </I18nextProvider>,
  );
}

describe('the pop-ups section as drawn', () => {
  it.each(APP_LOCALES)('words every state in %s, with no raw key', async (lng) => {
    const states: Partial<PopupsViewProps>[] = [
      {},
      { load: { state: 'ready', view: BROWSER } },
      { locked: true },
      { load: { state: 'loading' }, draft: null },
      { load: { state: 'unavailable', reason: 'unknown-channel' }, draft: null },
      { message: { kind: 'saved' } },
      { message: { kind: 'failed', reason: 'owner-required' } },
      { message: { kind: 'invalid', problem: 'quiet-empty' } },
      { message: { kind: 'invalid', problem: 'time-missing' } },
      { draft: { ...DEFAULT_REMINDER_PREFS, quietHours: null } },
    ];
    for (const state of states) {
      const html = await draw(lng, state);
      expect(html).not.toMatch(/care\.popups|errors\.|roles\./);
    }
  });

  it('on desktop: the form, editable, with its times', async () => {
    const html = await draw('en');
    expect(html).toContain('value="09:00"');
    expect(html).toContain('value="21:00"');
    expect(html).toContain('value="08:00"');
    expect(html).not.toContain('data-testid="popups-no-notifications"');
    expect(html).not.toMatch(/<fieldset disabled/);
    expect(html).toContain('data-testid="popups-save"');
  });

  it('in the browser mode: says what this window cannot do, and leaves those switches off', async () => {
    const html = await draw('zh-CN', { load: { state: 'ready', view: BROWSER } });
    expect(html).toContain('浏览器窗口无法弹出提醒');
    expect(html).toContain('只有桌面版有托盘图标。');
    expect(html).toContain('只有安装在 Windows 或 macOS 上的桌面版可以开机启动。');
    expect(html).toMatch(/disabled="" data-testid="popups-close-to-tray"/);
    expect(html).toMatch(/disabled="" data-testid="popups-open-at-login"/);
  });

  it('for the clerk: the form shown but closed, the way in offered, no save', async () => {
    const html = await draw('en', { locked: true });
    expect(html).toMatch(/<fieldset disabled/);
    expect(html).toContain('data-testid="popups-unlock"');
    expect(html).not.toContain('data-testid="popups-save"');
    expect(html).toContain('Only the owner may change these.');
  });

  it('says why a main that does not answer left nothing to set', async () => {
    const html = await draw('en', { load: { state: 'unavailable', reason: 'unknown-channel' }, draft: null });
    expect(html).toContain('The pop-up settings could not be read: The app does not know this request.');
  });

  it('names what is wrong with a form the schema refused', () => {
    expect(popupsProblem({ ...DEFAULT_REMINDER_PREFS, quietHours: { from: '22:00', to: '22:00' } })).toBe('quiet-empty');
    expect(popupsProblem({ ...DEFAULT_REMINDER_PREFS, digestAt: '' })).toBe('time-missing');
    expect(popupsProblem({ ...DEFAULT_REMINDER_PREFS, quietHours: { from: '', to: '' } })).toBe('time-missing');
  });
});
