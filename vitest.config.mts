import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Azure Blob Storage emulator, started once for the run and stopped by its process id.
    globalSetup: ['./test/support/azurite.mts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/support/summaryReporter.mts'],
  },
});
