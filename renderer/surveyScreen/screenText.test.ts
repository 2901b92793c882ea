import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../shared/ipc/contract';
import { SURVEY_CHOICES } from '../../shared/domain/surveyRecords';
import { SCREEN_LANGUAGES, SCREEN_TEXT } from './screenText';

describe('the customer screen’s words', () => {
  it('come in the app’s languages', () => {
    expect([...SCREEN_LANGUAGES]).toEqual([...APP_LOCALES]);
  });

  it.each(SCREEN_LANGUAGES)('are all there, none blank, in %s', (language) => {
    const text = SCREEN_TEXT[language];
    for (const [key, value] of Object.entries(text)) {
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
    }
    expect(text.csatLabels.every((label) => label.trim() !== '')).toBe(true);
    for (const choice of SURVEY_CHOICES) expect(text.choices[choice].trim()).not.toBe('');
    expect(text.npsScore(7)).toContain('7');
  });

  it('say 客户 in the simplified and 客戶 in the traditional', () => {
    expect(JSON.stringify(SCREEN_TEXT['zh-TW'])).not.toMatch(/[户语们这为够让]/);
  });
});
