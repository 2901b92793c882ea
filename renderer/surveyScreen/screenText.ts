// The customer screen's words in the three languages. The screen bundles nothing of the app (not its i18n either,
// which would bring every screen's strings to the customer's display), so its few strings live here; the type
// makes every language carry every key, and the sibling test holds them non-blank.
import type { SurveyChoice } from '../../shared/domain/surveyRecords';
import { SCREEN_LOCALES } from '../../shared/ipc/surveyScreen';

export const SCREEN_LANGUAGES = SCREEN_LOCALES;
export type ScreenLanguage = (typeof SCREEN_LANGUAGES)[number];

export interface ScreenText {
  /** The language's own name, on its switch. */
  languageName: string;
  title: string;
  intro: string;
  csatQuestion: string;
  /** 1 to 5. */
  csatLabels: readonly [string, string, string, string, string];
  npsQuestion: string;
  npsLow: string;
  npsHigh: string;
  /** "{{score}} out of 10", the name of each score's button. */
  npsScore: (score: number) => string;
  choiceQuestion: string;
  choiceHint: string;
  choices: Record<SurveyChoice, string>;
  whyQuestion: string;
  whyPlaceholder: string;
  send: string;
  sending: string;
  answerSomething: string;
  thanksTitle: string;
  thanksBody: string;
  idleTitle: string;
  idleBody: string;
  ended: string;
  failed: string;
  languages: string;
}

export const SCREEN_TEXT: Readonly<Record<ScreenLanguage, ScreenText>> = {
  'zh-CN': {
    languageName: '简体中文',
    title: '请告诉我们您的感受',
    intro: '只需几秒钟，每个问题都可以跳过。',
    csatQuestion: '您对今天的购物体验满意吗？',
    csatLabels: ['很不满意', '不满意', '一般', '满意', '很满意'],
    npsQuestion: '您有多大可能把本店推荐给朋友？',
    npsLow: '完全不可能',
    npsHigh: '非常可能',
    npsScore: (score) => `${score} 分（满分 10 分）`,
    choiceQuestion: '哪些方面可以做得更好？',
    choiceHint: '可多选',
    choices: { service: '服务', price: '价格', range: '商品种类', waiting: '等候时间' },
    whyQuestion: '为什么？（选填）',
    whyPlaceholder: '写下您的想法…',
    send: '提交',
    sending: '正在提交…',
    answerSomething: '请至少回答一个问题',
    thanksTitle: '谢谢您！',
    thanksBody: '您的意见会帮助我们做得更好。',
    idleTitle: '谢谢光临',
    idleBody: '欢迎再来',
    ended: '这份问卷已经结束，谢谢您。',
    failed: '没能提交，请告诉店员。',
    languages: '语言',
  },
  'zh-TW': {
    languageName: '繁體中文',
    title: '請告訴我們您的感受',
    intro: '只需幾秒鐘，每個問題都可以略過。',
    csatQuestion: '您對今天的購物體驗滿意嗎？',
    csatLabels: ['很不滿意', '不滿意', '普通', '滿意', '很滿意'],
    npsQuestion: '您有多大可能把本店推薦給朋友？',
    npsLow: '完全不可能',
    npsHigh: '非常可能',
    npsScore: (score) => `${score} 分（滿分 10 分）`,
    choiceQuestion: '哪些方面可以做得更好？',
    choiceHint: '可複選',
    choices: { service: '服務', price: '價格', range: '商品種類', waiting: '等候時間' },
    whyQuestion: '為什麼？（選填）',
    whyPlaceholder: '寫下您的想法…',
    send: '送出',
    sending: '正在送出…',
    answerSomething: '請至少回答一個問題',
    thanksTitle: '謝謝您！',
    thanksBody: '您的意見會幫助我們做得更好。',
    idleTitle: '謝謝光臨',
    idleBody: '歡迎再來',
    ended: '這份問卷已經結束，謝謝您。',
    failed: '沒能送出，請告訴店員。',
    languages: '語言',
  },
  en: {
    languageName: 'English',
    title: 'Tell us how we did',
    intro: 'It takes a few seconds; skip any question you like.',
    csatQuestion: 'How satisfied are you with your visit today?',
    csatLabels: ['Very unhappy', 'Unhappy', 'Okay', 'Happy', 'Very happy'],
    npsQuestion: 'How likely are you to recommend our store to a friend?',
    npsLow: 'Not at all likely',
    npsHigh: 'Extremely likely',
    npsScore: (score) => `${score} out of 10`,
    choiceQuestion: 'What could be better?',
    choiceHint: 'Choose any',
    choices: { service: 'Service', price: 'Price', range: 'Range of goods', waiting: 'Waiting time' },
    whyQuestion: 'Why? (optional)',
    whyPlaceholder: 'Tell us in your own words…',
    send: 'Send',
    sending: 'Sending…',
    answerSomething: 'Answer at least one question',
    thanksTitle: 'Thank you!',
    thanksBody: 'What you told us helps us do better.',
    idleTitle: 'Thank you for visiting',
    idleBody: 'See you again soon',
    ended: 'This survey has ended. Thank you.',
    failed: 'That did not go through. Please tell the staff.',
    languages: 'Language',
  },
};
