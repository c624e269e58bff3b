// Vitest global setup: a migrated test database. `npm test` prepares it and passes it in IGF_TEST_DATABASE_URL;
// run alone (`npx vitest`), this prepares it the same way.
import { migrate } from "../../scripts/lib/database.mjs";
import { assertTestDatabase, resolveTestDatabase } from "../../scripts/lib/test-database.mjs";

export default async function setup() {
  if (process.env.IGF_TEST_DATABASE_URL) {
    assertTestDatabase(process.env.IGF_TEST_DATABASE_URL);
    process.env.DATABASE_URL = process.env.IGF_TEST_DATABASE_URL;
    return;
  }
  const database = await resolveTestDatabase();
  await migrate(database.url, { quiet: true });
  process.env.DATABASE_URL = database.url;
  process.env.IGF_TEST_DATABASE_URL = database.url;
  return () => database.stop();
}
