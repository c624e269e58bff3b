import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { unitTestWorkers } from "./scripts/lib/test-database.mjs";

// Test files run in parallel, each worker on its own copy of the test database (tests/support/global-setup.ts).
// IGF_TEST_WORKERS=1 runs the files one after another.
const workers = unitTestWorkers();

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Domain modules import "server-only" to stay out of client bundles; in tests they run on the server.
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-database.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: workers,
    fileParallelism: workers > 1,
  },
});
