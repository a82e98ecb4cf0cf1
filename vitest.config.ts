import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Rerun integration tests spawn real pytest processes; 2-core CI machines need headroom.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Most time is spent in child processes (pytest, groovy, node); two files at a time keep
    // both cores busy. vitest would otherwise use cores - 1 = one worker here.
    maxWorkers: 2,
  },
});
