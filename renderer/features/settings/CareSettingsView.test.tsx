// Drawn on the server (react-dom/server: no DOM test environment) in each language: every label worded, the stored
// values in the fields, the lock on the save button while the clerk is at the keyboard, the save's outcome said.
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CARE_SETTINGS, type CareSettings } from '../../../shared/domain/careSettings';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { CareSettingsView, type CareSettingsViewProps } from './CareSettingsView';

const STORED: CareSettings = { daysBefore: { birthday: 5, festival: 10, followUp: 1, points: 14 }, cadenceOverdueDays: 21 };

async function draw(lng: string, props: Partial<CareSettingsViewProps> = {}) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <CareSettingsView settings={STORED} locked={false} save="idle" onSave={() => undefined} onEdited={() => undefined} {...props} />
    </I18nextProvider>,
  );
}

describe('the care settings section as drawn', () => {
  it.each(APP_LOCALES)('words every label and outcome in %s, with no raw key', async (lng) => {
    for (const props of [{}, { locked: true }, { save: 'saved' as const }, { save: 'failed' as const }, { settings: DEFAULT_CARE_SETTINGS }]) {
      expect(await draw(lng, props)).not.toMatch(/care\.settings\.|roles\./);
    }
  });

  it('shows the stored values', async () => {
    const html = await draw('zh-CN');
    for (const [field, value] of [['birthday', 5], ['festival', 10], ['followUp', 1], ['points', 14], ['cadenceOverdueDays', 21]] as const) {
      expect(html).toMatch(new RegExp(`id="care-${field}"[^>]*value="${value}"`));
    }
    expect(html).toContain('关怀提醒');
    expect(html).toContain('到期后几天算逾期');
  });

  it('marks the save as the owner\'s while the clerk is at the keyboard', async () => {
    expect(await draw('en', { locked: true })).toMatch(/data-owner-locked="true" data-testid="care-settings-save"/);
    expect(await draw('en')).not.toContain('data-owner-locked');
  });

  it('says the outcome of a save', async () => {
    expect(await draw('en', { save: 'saved' })).toContain('Saved.');
    expect(await draw('zh-TW', { save: 'failed' })).toContain('沒有儲存成功');
    expect(await draw('en')).not.toContain('care-settings-saved');
  });
});
