// The app's own connections run without PostgreSQL's JIT (lib/db.ts says why): the setting reaches the server.
import { afterAll, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";

afterAll(disconnectDb);

it("turns JIT off for the app's connections", async () => {
  const [row] = await db.$queryRaw<{ jit: string }[]>`SHOW jit`;
  expect(row?.jit).toBe("off");
});
