import { createLogger } from 'vite';
import { defineConfig } from 'vitest/config';

// GitHub's workflow parser ships source maps without their sources; Vite would warn once per file.
const logger = createLogger();
const quiet = (message: string) => message.includes('points to missing source files');
const { warn, warnOnce } = logger;
logger.warn = (message, options) => void (quiet(message) || warn(message, options));
logger.warnOnce = (message, options) => void (quiet(message) || warnOnce(message, options));

// Unit and integration tests (Playwright owns tests/e2e). Component tests opt into jsdom
// per file with a `// @vitest-environment jsdom` docblock.
export default defineConfig({
  customLogger: logger,
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // GitHub's workflow parser imports its JSON schema without an import attribute (fine in a
    // bundler, refused by Node's ESM loader), so Vite transforms it instead of Node loading it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
