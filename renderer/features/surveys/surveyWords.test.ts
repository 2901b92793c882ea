// Every code and closed list of the surveys has words in each language.
import { describe, expect, it } from 'vitest';
import { SURVEY_ANSWER_ERROR_CODES } from '../../../shared/domain/survey';
import { SURVEY_BANDS, SURVEY_CHANNELS, SURVEY_CHOICES } from '../../../shared/domain/surveyRecords';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import zhTW from '../../i18n/locales/zh-TW.json';

type Tree = { [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown => path.split('.').reduce<unknown>((node, k) => (typeof node === 'object' && node !== null ? (node as Tree)[k] : undefined), tree);

describe('the surveys namespace', () => {
  it('words every answer error, band, choice and channel', () => {
    const required = [
      ...SURVEY_ANSWER_ERROR_CODES.map((c) => `surveys.errors.${c}`),
      ...SURVEY_BANDS.map((b) => `surveys.bands.${b}`),
      ...SURVEY_CHOICES.map((c) => `surveys.choices.${c}`),
      ...SURVEY_CHANNELS.map((c) => `surveys.channels.${c}`),
      'surveys.settingsErrors.not-whole-number',
      'surveys.settingsErrors.out-of-range',
    ];
    for (const [lng, tree] of Object.entries({ en, 'zh-CN': zhCN, 'zh-TW': zhTW })) {
      for (const key of required) expect(typeof at(tree as Tree, key), `${lng} ${key}`).toBe('string');
    }
  });
});
