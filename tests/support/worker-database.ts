// Vitest setup file: points this worker at its own copy of the test database (made by global-setup.ts), so
// files in other workers never see its rows, locks or counts.
const copies = JSON.parse(process.env.IGF_TEST_WORKER_DATABASES ?? "[]") as string[];
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
const copy = copies[(worker - 1) % Math.max(1, copies.length)];
if (copy) {
  process.env.DATABASE_URL = copy;
  process.env.IGF_TEST_DATABASE_URL = copy;
}
