import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/lint/**/*.test.ts', 'test/bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default (one core left free) runs one file at a time on the two-core CI machine, which then
    // waits on scrypt, child processes and each file's start-up with a core idle: two files at once there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
