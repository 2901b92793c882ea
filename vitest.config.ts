import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
