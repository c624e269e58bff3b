// Several processes starting on a fresh database create the job queues at the same moment (3 app instances
// and 2 workers in the cluster bench): each must start, and every queue must exist once with its policy.
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { catalogue, JOB_NAMES } from "@/lib/jobs/catalogue";
import { createQueues, JOB_SCHEMA } from "@/lib/jobs/queue";

afterAll(() => disconnectDb());

describe("creating the job queues", () => {
  it("succeeds in five processes at once on a database without them", async () => {
    await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS ${JOB_SCHEMA} CASCADE`);
    const url = process.env.DATABASE_URL!;
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => createQueues(url)));
    expect(outcomes.filter((outcome) => outcome.status === "rejected").map((outcome) => String(outcome.reason))).toEqual([]);
    const queues = await db.$queryRawUnsafe<{ name: string; retry_limit: number; expire_seconds: number }[]>(
      `SELECT name, retry_limit, expire_seconds FROM ${JOB_SCHEMA}.queue ORDER BY name`,
    );
    expect(queues).toEqual(
      [...JOB_NAMES].sort().map((name) => ({
        name,
        retry_limit: catalogue[name].queue.retryLimit,
        expire_seconds: catalogue[name].queue.expireInSeconds,
      })),
    );
  });
});
