import { defineConfig } from 'vitest/config';

// The real-browser test of the handbook (`npm run test:browser`), kept out of `npm test` so that a fresh
// machine without Chromium still passes `npm test`. Needs Debian's chromium: apt-get install -y chromium fonts-noto-cjk
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.ts'],
    setupFiles: ['test/setup/failOnConsole.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
