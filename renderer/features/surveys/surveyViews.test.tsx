// The survey's views drawn on the server (react-dom/server) in each language: every label worded with no raw key,
// the form's marks and kept answers after a refusal, the card's last score, the settings' stored values and lock.
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEY_QUESTIONS, emptySurveyAnswerDraft } from '../../../shared/domain/survey';
import { DEFAULT_SURVEY_SETTINGS } from '../../../shared/domain/surveySettings';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { CustomerSurveysView } from './CustomerSurveys';
import { SurveyFormView, type SurveyFormViewProps } from './SurveyFormView';
import { SurveyPromptView } from './SurveyPrompt';
import { SurveySettingsView } from './SurveySettingsSection';

async function draw(lng: string, element: ReactElement) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{element}</I18nextProvider>);
}

const none = () => undefined;
const form = (over: Partial<SurveyFormViewProps> = {}) => (
  <SurveyFormView
    formId="f"
    questions={DEFAULT_SURVEY_QUESTIONS}
    draft={emptySurveyAnswerDraft()}
    channel="counter"
    errors={{}}
    saveFailed={false}
    purchaseText={null}
    onDraftChange={none}
    onChannelChange={none}
    onSubmit={none}
    {...over}
  />
);
const last = { id: 'c', isDeleted: 0 as const, lastAnsweredAt: '2026-06-15T02:00:00.000Z', lastCsat: 2, lastNps: 3, lastBand: 'detractor' as const, answers: 2 };

describe('the survey views as drawn', () => {
  it.each(APP_LOCALES)('word every label, mark and outcome in %s, with no raw key', async (lng) => {
    const elements = [
      form(),
      form({ errors: { csat: 'csat-out-of-range', nps: 'nps-out-of-range', choices: 'choice-unknown', why: 'why-too-long' }, saveFailed: true }),
      form({ errors: { form: 'nothing-answered' }, channel: 'call-back', purchaseText: 'x' }),
      <CustomerSurveysView key="a" last={last} declined loading={false} readOnly={false} busy={false} failed onRecord={none} onDeclinedChange={none} />,
      <CustomerSurveysView key="b" last={null} declined={false} loading={false} readOnly={false} busy={false} failed={false} onRecord={none} onDeclinedChange={none} />,
      <SurveyPromptView key="c" customerName="张三" onAsk={none} onDismiss={none} />,
      <SurveySettingsView key="d" settings={DEFAULT_SURVEY_SETTINGS} locked save="saved" onSave={none} onEdited={none} />,
      <SurveySettingsView key="e" settings={DEFAULT_SURVEY_SETTINGS} locked={false} save="failed" onSave={none} onEdited={none} />,
    ];
    for (const element of elements) expect(await draw(lng, element)).not.toMatch(/surveys\.|roles\.|common\./);
  });

  it('keeps a refused answer as it was entered, each question marked', async () => {
    const html = await draw('zh-CN', form({ draft: { csat: 2, nps: 3, choices: ['waiting'], why: '排队' }, errors: { why: 'why-too-long' } }));
    const input = (testId: string) => new RegExp(`<input[^>]*data-testid="${testId}"[^>]*>`).exec(html)?.[0] ?? '';
    for (const testId of ['survey-csat-2', 'survey-nps-3', 'survey-choice-waiting']) expect(input(testId), testId).toContain('checked=""');
    expect(input('survey-csat-3')).not.toContain('checked');
    expect(html).toContain('>排队</textarea>');
    expect(html).toContain('最多 500 个字。');
    expect(html).toContain('请修改下面 1 处');
  });

  it('asks only the questions of the version', async () => {
    const html = await draw('en', form({ questions: { csat: false, nps: true, choice: true, choiceOptions: ['price'], why: false } }));
    expect(html).not.toContain('survey-csat-1');
    expect(html).not.toContain('survey-why');
    expect(html).toContain('survey-choice-price');
    expect(html).not.toContain('survey-choice-waiting');
    expect(html).toContain('0 · Not at all likely');
  });

  it('shows the last score with its band, and the settings with their stored values and the owner\'s lock', async () => {
    const card = await draw('zh-CN', <CustomerSurveysView last={last} declined={false} loading={false} readOnly={false} busy={false} failed={false} onRecord={none} onDeclinedChange={none} />);
    expect(card).toContain('NPS 3 · CSAT 2/5');
    expect(card).toContain('贬损者');
    expect(card).toContain('共 2 次回答');
    const settings = await draw('en', <SurveySettingsView settings={{ askEveryDays: 60, followUpHours: 24 }} locked save="idle" onSave={none} onEdited={none} />);
    expect(settings).toMatch(/id="survey-setting-askEveryDays"[^>]*value="60"/);
    expect(settings).toMatch(/id="survey-setting-followUpHours"[^>]*value="24"/);
    expect(settings).toMatch(/data-owner-locked="true" data-testid="survey-settings-save"/);
  });
});
