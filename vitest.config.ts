import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.{ts,tsx}',
      'workers/**/*.test.ts',
      'tests/**/*.test.ts',
      'examples/**/*.test.ts',
    ],
    environment: 'node',
    // A hang still fails, but a test is not a stopwatch: on two shared cores a model check that
    // takes 1 s alone took over 5 s (vitest's default) with other files running beside it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
