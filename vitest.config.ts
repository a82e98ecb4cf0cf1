import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Rerun integration tests spawn real pytest processes; 2-core CI machines need headroom.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
