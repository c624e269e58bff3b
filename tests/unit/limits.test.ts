// Limits shared by app instances (PostgreSQL): the API's token bucket across two independent connection
// pools (two app instances), the per-account limits of uploads, comments and reports in their domain
// functions, the client address only from a trusted proxy header, and the refusal's wait in words.
// (The sign-in email flood is in sign-in-limit.test.ts.)
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTranslator } from "next-intl";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addAttachment } from "@/lib/attachments/attachments";
import { postComment } from "@/lib/comments/post";
import { reportComment } from "@/lib/comments/report";
import { db, disconnectDb } from "@/lib/db";
import { AppError, RateLimited } from "@/lib/errors";
import { translateError, type ErrorTranslator } from "@/lib/i18n/errors";
import { loadMessages } from "@/lib/i18n/messages";
import { COMMENTS_PER_ACCOUNT, REPORTS_PER_ACCOUNT, UPLOADS_PER_ACCOUNT } from "@/lib/limits/account";
import { takeFromBucket } from "@/lib/limits/bucket";
import { requestAddress, trustedClientIp } from "@/lib/limits/client.mjs";
import { closeLimits, take, type Limit } from "@/lib/limits/store";
import { reportResponse } from "@/lib/moderation/report";
import { createCall, createResponse } from "@/prisma/factories";
import { pdfFile } from "../support/files";
import { actor } from "./helpers";

let uploadDir: string;
const pools: pg.Pool[] = [];
beforeAll(async () => {
  uploadDir = await mkdtemp(path.join(tmpdir(), "igf-limits-unit-"));
  vi.stubEnv("UPLOAD_DIR", uploadDir);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await Promise.all(pools.map((pool) => pool.end()));
  await closeLimits();
  await disconnectDb();
  await rm(uploadDir, { recursive: true, force: true });
});

const unique = () => randomBytes(6).toString("hex");

/** A pool of its own, as another app instance would have. */
function instance() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });
  pools.push(pool);
  return pool;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

/** Spends every use of `limit` for `key`. */
async function spend(limit: Limit, key: string) {
  for (let i = 0; i < limit.points; i++) expect((await take(limit, key)).allowed).toBe(true);
}

describe("the API's token bucket, shared by app instances", () => {
  const defaults = { burst: 30, perMinute: 60 };

  it("refuses the 31st request of a burst whichever instance answers it", async () => {
    const [a, b] = [instance(), instance()];
    for (const last of [a, b]) {
      const client = `198.51.100.7-${unique()}`;
      // 30 requests alternating between the instances, all at once.
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => takeFromBucket("api", client, defaults, i % 2 ? a : b)),
      );
      expect(answers.every((answer) => answer.allowed)).toBe(true);
      expect(Math.min(...answers.map((answer) => answer.remaining))).toBe(0);
      const refused = await takeFromBucket("api", client, defaults, last);
      expect(refused.allowed).toBe(false);
      // One token comes back every second at 60 a minute.
      expect(refused.retryAfter).toBe(1);
      expect(refused.remaining).toBe(0);
    }
  });

  it("lets exactly the burst through when 60 requests race on two instances", async () => {
    const [a, b] = [instance(), instance()];
    const client = `203.0.113.9-${unique()}`;
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => takeFromBucket("api", client, { burst: 30, perMinute: 1 }, i % 2 ? a : b)),
    );
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(30);
    const refused = answers.find((answer) => !answer.allowed)!;
    expect(refused.retryAfter).toBeGreaterThan(55);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
  });

  it("refills at the configured rate: a token a second at 60 a minute", async () => {
    const client = `192.0.2.44-${unique()}`;
    const config = { burst: 2, perMinute: 60 };
    expect((await takeFromBucket("api", client, config)).allowed).toBe(true);
    expect((await takeFromBucket("api", client, config)).allowed).toBe(true);
    expect((await takeFromBucket("api", client, config)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await takeFromBucket("api", client, config)).allowed).toBe(true);
    expect((await takeFromBucket("api", client, config)).allowed).toBe(false);
  });

  it("keeps the buckets in an unlogged table (a request's commit does not wait for the write-ahead log)", async () => {
    const [table] = await db.$queryRaw<{ persistence: string }[]>`
      SELECT relpersistence::text AS persistence FROM pg_class WHERE oid = 'rate_buckets'::regclass`;
    expect(table?.persistence).toBe("u");
  });
});

describe("the client's address", () => {
  const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.2, 10.0.0.1", "x-real-ip": "192.0.2.5" });

  it("comes from a trusted proxy's header only", () => {
    vi.stubEnv("TRUST_PROXY", "");
    vi.stubEnv("TRUSTED_PROXY_HEADER", "");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "");
    expect(trustedClientIp(headers)).toBeNull();
    // TRUST_PROXY (as before): a proxy that overwrites X-Forwarded-For, the client is its first address.
    vi.stubEnv("TRUST_PROXY", "1");
    expect(trustedClientIp(headers)).toBe("203.0.113.9");
    vi.stubEnv("TRUST_PROXY", "");
    // Appending proxies: the Nth address from the right.
    vi.stubEnv("TRUSTED_PROXY_HEADER", "X-Forwarded-For");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    expect(trustedClientIp(headers)).toBe("10.0.0.1");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "2");
    expect(trustedClientIp(headers)).toBe("198.51.100.2");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "4");
    expect(trustedClientIp(headers)).toBeNull(); // came through fewer proxies than configured
    vi.stubEnv("TRUSTED_PROXY_HEADER", "x-real-ip");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "");
    expect(trustedClientIp(headers)).toBe("192.0.2.5");
    expect(trustedClientIp(new Headers())).toBeNull();
    vi.stubEnv("TRUSTED_PROXY_HEADER", "");
  });

  it("without a trusted proxy, anonymous requests are told apart by the address they came with, marked unverified", () => {
    vi.stubEnv("TRUST_PROXY", "");
    vi.stubEnv("TRUSTED_PROXY_HEADER", "");
    expect(requestAddress(headers)).toBe("unverified:10.0.0.1");
    expect(requestAddress(new Headers({ "x-forwarded-for": "192.0.2.77" }))).toBe("unverified:192.0.2.77");
    expect(requestAddress(new Headers())).toBeNull();
    vi.stubEnv("TRUST_PROXY", "1");
    expect(requestAddress(headers)).toBe("203.0.113.9");
    vi.stubEnv("TRUST_PROXY", "");
  });
});

describe("per-account limits in the domain functions", () => {
  it("refuses an upload past the limit, storing nothing, and says when to try again", async () => {
    const author = await actor();
    const call = await createCall(db);
    const response = await createResponse(db, { callId: call.id, authorId: author.id, status: "DRAFT" });
    await spend(UPLOADS_PER_ACCOUNT, author.id);
    const error = await refusal(
      addAttachment(author, { responseId: response.id, fileName: "one-too-many.pdf", bytes: pdfFile() }),
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe("rate_limited");
    expect((error as AppError).code).toBe("rateLimited");
    expect((error as AppError).retryAfterSeconds).toBeGreaterThan(3500);
    expect((error as AppError).retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await db.attachment.count({ where: { responseId: response.id } })).toBe(0);
    expect(await readdir(uploadDir, { recursive: true })).toEqual([]);

    // Another account is not affected: the key is the account, not one bucket for everyone.
    const other = await actor();
    const otherResponse = await createResponse(db, { callId: call.id, authorId: other.id, status: "DRAFT" });
    await expect(
      addAttachment(other, { responseId: otherResponse.id, fileName: "fine.pdf", bytes: pdfFile() }),
    ).resolves.toMatchObject({
      fileName: "fine.pdf",
    });
  });

  it("refuses comments and reports past their limits, before anything is looked up", async () => {
    const user = await actor();
    await spend(COMMENTS_PER_ACCOUNT, user.id);
    const comment = { versionId: "v", paragraphId: "", parentId: "", body: "Hello", anonymous: "", submitKey: unique() };
    expect(await refusal(postComment(user, comment))).toMatchObject({ kind: "rate_limited", code: "rateLimited" });

    await spend(REPORTS_PER_ACCOUNT, user.id);
    expect(await refusal(reportResponse(user, { responseId: "r", reason: "SPAM", details: "" }))).toMatchObject({
      kind: "rate_limited",
      code: "rateLimited",
    });
    expect(await refusal(reportComment(user, { commentId: "c", reason: "SPAM", details: "" }))).toMatchObject({
      kind: "rate_limited",
      code: "rateLimited",
    });

    // Someone else goes on to the usual checks (here: the version does not exist).
    const other = await actor();
    expect(await refusal(postComment(other, { ...comment, submitKey: unique() }))).toMatchObject({
      kind: "not_found",
      message: "versionNotFound",
    });
  });

  it("tells the person how long to wait, in the English catalog's words", async () => {
    const t = createTranslator({ locale: "en", messages: await loadMessages("en"), namespace: "Errors" });
    const translate = (seconds: number) => translateError(t as unknown as ErrorTranslator, RateLimited(seconds).descriptor);
    expect(translate(3599)).toBe("You have done this too many times in a short while. Please try again in 60 minutes.");
    expect(translate(61)).toBe("You have done this too many times in a short while. Please try again in 2 minutes.");
    expect(translate(1)).toBe("You have done this too many times in a short while. Please try again in 1 second.");
    expect(translate(42)).toBe("You have done this too many times in a short while. Please try again in 42 seconds.");
  });
});
