// Where screenshots go and the languages every screen is taken in (the OS language the test fakes).
export const OUT = process.env.SCREENSHOT_DIR ?? '.tmp/screenshots';
export const LOCALES = [
  { system: 'zh-CN', tag: 'zh-CN' },
  { system: 'en-US', tag: 'en' },
  { system: 'zh-TW', tag: 'zh-TW' },
] as const;
