// A wrong DATABASE_URL must stop start-up with one line that says what to fix.
import { describe, expect, it } from "vitest";
import { checkConnection, StartupError } from "@/scripts/lib/database.mjs";
import { assertTestDatabase } from "@/scripts/lib/test-database.mjs";

async function failure(url: string) {
  try {
    await checkConnection(url);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the check to fail");
}

describe("checking DATABASE_URL", () => {
  it("names an unreachable server in one line", async () => {
    const error = await failure("postgresql://postgres@127.0.0.1:1/igf");
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toMatch(/^DATABASE_URL does not work \(127\.0\.0\.1:1\/igf: .*ECONNREFUSED.*\)\. Fix it, or unset it/);
    expect(error.message).not.toContain("\n");
  });

  it("refuses what is not a PostgreSQL URL", async () => {
    const error = await failure("mysql://root@localhost/igf");
    expect(error.message).toBe('DATABASE_URL must start with postgresql:// (got "mysql:").');
  });

  it("accepts a working server", async () => {
    await expect(checkConnection(process.env.DATABASE_URL!)).resolves.toBeUndefined();
  });
});

describe("the test database guard", () => {
  it("refuses to run tests on a database whose name does not say test", () => {
    expect(() => assertTestDatabase("postgresql://postgres@127.0.0.1:5432/igf")).toThrow(/Refusing to run tests/);
    expect(() => assertTestDatabase("postgresql://postgres@127.0.0.1:5432/igf_test")).not.toThrow();
  });
});
