// Screenshots of every screen in Chinese and English, for people to look at (npm run screenshots).
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'test/screenshots',
  testMatch: '**/*.shots.ts',
  retries: 0,
});
