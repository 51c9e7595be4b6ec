import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // No POI settings (instellingen.yaml) from the machine the tests run on.
    env: { IDOKIT_INSTELLINGEN: "" },
  },
});
