import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Its own temporary folder for the whole suite, checked for leftovers at the end.
    globalSetup: ["test/setup/temp-folders.ts"],
    // No POI settings (instellingen.yaml) from the machine the tests run on.
    env: { IDOKIT_INSTELLINGEN: "" },
  },
});
