import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    disableConsoleIntercept: true,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Fake keys come from a seeded generator in tests (test/setup.ts), so a run either always passes or always
    // fails; scripts/fuzz-rules.js explores fresh randomness and reports how often each rule misses its own fakes.
    setupFiles: ['test/setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
})
