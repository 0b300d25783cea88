import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // dispatch checks every result against its channel's schema (off in packaged builds).
    env: { AULA_CHECK_RESULTS: '1' },
    // better-sqlite3 is a native addon: separate processes are the safe pool for it.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
