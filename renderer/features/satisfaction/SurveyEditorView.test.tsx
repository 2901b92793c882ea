// Drawn on the server in each language: every label worded (no raw key), the questions asked and their options
// checked as stored, the preview of what the customer sees, the lock while the clerk is at the keyboard, the outcome.
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SurveyVersion } from '../../../shared/domain/surveyRecords';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { SurveyEditorView, type SurveyEditorViewProps } from './SurveyEditorView';

const CURRENT: SurveyVersion = {
  id: 'v3',
  version: 3,
  questions: { csat: true, nps: false, choice: true, choiceOptions: ['price', 'waiting'], why: true },
  createdAt: '2026-12-01T02:00:00.000Z',
  updatedAt: '2026-12-01T02:00:00.000Z',
};

async function draw(lng: string, props: Partial<SurveyEditorViewProps> = {}) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <SurveyEditorView current={CURRENT} locked={false} save={{ phase: 'idle' }} onSave={() => undefined} onEdited={() => undefined} {...props} />
    </I18nextProvider>,
  );
}

describe('the survey editor as drawn', () => {
  it.each(APP_LOCALES)('words every label and outcome in %s, with no raw key', async (lng) => {
    for (const props of [{}, { locked: true }, { save: { phase: 'saved', newVersion: 4 } as const }, { save: { phase: 'saved', newVersion: null } as const }, { save: { phase: 'failed' } as const }]) {
      expect(await draw(lng, props)).not.toMatch(/satisfaction\.|surveys\.|roles\./);
    }
  });

  it('checks the questions and options of the version asked, and previews them', async () => {
    const html = await draw('zh-CN');
    expect(html).toContain('现为第 3 版');
    const checked = (testId: string) => new RegExp(`data-testid="${testId}" checked=""`).test(html);
    expect(['csat', 'nps', 'choice', 'why'].map((q) => checked(`survey-question-${q}`))).toEqual([true, false, true, true]);
    expect(['service', 'price', 'range', 'waiting'].map((c) => checked(`survey-option-${c}`))).toEqual([false, true, false, true]);
    expect(html).toContain('data-testid="preview-csat"');
    expect(html).not.toContain('data-testid="preview-nps"');
    expect(html).toMatch(/data-testid="preview-choice">.*价格.*等待时间/);
  });

  it("marks the save as the owner's while the clerk is at the keyboard, and says what a save made", async () => {
    expect(await draw('en', { locked: true })).toMatch(/data-owner-locked="true" data-testid="survey-editor-save"/);
    expect(await draw('en', { save: { phase: 'saved', newVersion: 4 } })).toContain('Saved: the survey is now version 4.');
    expect(await draw('zh-TW', { save: { phase: 'failed' } })).toContain('沒能儲存，請再試一次。');
  });
});
