// The one database client of a process. The app never knows whether DATABASE_URL names the embedded
// server (set by scripts/start.mjs) or an operator's PostgreSQL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm start` (it runs the embedded PostgreSQL) " +
        "or set DATABASE_URL=postgresql://user:password@host:5432/database.",
    );
  }
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // The app's queries are short reads and writes. PostgreSQL's JIT compiles the plan of any costly one first
    // (a count over 66,000 responses spent ~360 of its 730 ms compiling; with it off the responses list went
    // from 3 to 16 req/s: issue 18's measurements), so it is off for the app's own connections; the server's
    // setting stays as it is for everyone else.
    options: "-c jit=off",
  });
  return new PrismaClient({
    adapter,
    // Session tokens are credentials: a query must ask for them by name.
    omit: { session: { sessionToken: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

/** The app's client or the `tx` of an interactive transaction (`db.$transaction(async (tx) => …)`). */
export type DbClient = Omit<Db, "$connect" | "$disconnect" | "$on" | "$extends" | "$transaction">;

const cache = globalThis as unknown as { __igfDb?: Db };

/** Created on first use, so importing this module (e.g. during `next build`) needs no database. */
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    cache.__igfDb ??= createClient();
    const value = Reflect.get(cache.__igfDb, property);
    return typeof value === "function" ? value.bind(cache.__igfDb) : value;
  },
});

export async function disconnectDb() {
  await cache.__igfDb?.$disconnect();
  cache.__igfDb = undefined;
}
