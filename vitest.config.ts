import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { unitTestWorkers } from "./scripts/lib/test-database.mjs";

// Test files run in parallel, each worker on its own copy of the test database (tests/support/global-setup.ts).
// IGF_TEST_WORKERS=1 runs the files one after another.
const workers = unitTestWorkers();

// A file that changes its process for the files after it (a module mock, environment variables, a global, fake
// timers, a spy, the working directory) runs in a process of its own, as Vitest does by default. The others share
// their worker's process and its loaded modules, each file still on the worker's database: the app is then imported
// once per worker instead of once per file (the suite alone on 2 cores: 349 s with every file isolated, 172-174 s
// so). A new file is placed by what it does, read here.
const UNIT = "tests/unit";
const CHANGES_ITS_PROCESS =
  /\bvi\.(?:mock|doMock|stubEnv|stubGlobal|spyOn|useFakeTimers|resetModules)\b|\bprocess\.env\s*=(?!=)|\bprocess\.env(?:\.\w+|\[[^\]]+\])\s*=(?!=)|\bdelete\s+process\.env|\bObject\.assign\(\s*process\.env\b|\bprocess\.chdir\b|\bglobalThis(?:\.\w+|\[[^\]]+\])\s*=(?!=)/;
const unitFiles = readdirSync(UNIT).filter((name) => name.endsWith(".test.ts"));
const isolated = unitFiles
  .filter((name) => CHANGES_ITS_PROCESS.test(readFileSync(`${UNIT}/${name}`, "utf8")))
  .map((name) => `${UNIT}/${name}`);

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      // Domain modules import "server-only" to stay out of client bundles; in tests they run on the server.
      "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-database.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    maxWorkers: workers,
    fileParallelism: workers > 1,
    projects: [
      { extends: true, test: { name: "shared", include: [`${UNIT}/**/*.test.ts`], exclude: isolated, isolate: false } },
      { extends: true, test: { name: "isolated", include: isolated, isolate: true } },
    ],
  },
});
