import { defineConfig } from 'vitest/config';

// Unit and integration tests (Playwright owns tests/e2e). Component tests opt into jsdom
// per file with a `// @vitest-environment jsdom` docblock.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
