// One contract for every storage driver: the local disk and S3 (against a real S3-compatible server, s3rver,
// started on loopback for this file).
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AttachmentStorage,
  isAlreadyStored,
  isNotStored,
  LocalDiskStorage,
  newStorageKey,
  S3Storage,
  s3SettingsFromEnv,
  storage,
} from "@/lib/attachments/storage";
import { startS3Server, type S3TestServer } from "../support/s3-server";

let s3: S3TestServer;
let localRoot: string;
beforeAll(async () => {
  s3 = await startS3Server();
  localRoot = await mkdtemp(path.join(tmpdir(), "igf-storage-unit-"));
});
afterAll(async () => {
  await s3?.stop();
  await rm(localRoot, { recursive: true, force: true });
});

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

const MiB = 1024 * 1024;

/**
 * `total` bytes made one MiB at a time, only when read, and the hash of what was handed out. When `made` MiB
 * have been handed out, `at(made)` is awaited before the next one is made.
 */
function generated(total: number, at: (made: number) => Promise<void>) {
  const hash = createHash("sha256");
  let made = 0;
  const stream = Readable.from(
    (async function* () {
      while (made < total) {
        const chunk = randomBytes(Math.min(MiB, total - made));
        made += chunk.length;
        hash.update(chunk);
        yield chunk;
        await at(made);
      }
    })(),
  );
  return { stream, digest: () => hash.digest("hex") };
}

/** Bytes in the files under `folder` (what a driver has written to its disk, or s3rver to its own). */
async function bytesUnder(folder: string) {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => stat(path.join(entry.parentPath, entry.name)).then((s) => s.size)),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

const drivers: [string, () => AttachmentStorage, () => string][] = [
  ["local disk", () => new LocalDiskStorage(localRoot), () => localRoot],
  ["S3 (s3rver)", () => new S3Storage(s3SettingsFromEnv(s3.env)), () => s3.directory],
];

describe.each(drivers)("storage contract: %s", (_name, make, backing) => {
  it("stores bytes and streams, gives them back, and removes them", async () => {
    const files = make();
    const key = newStorageKey();
    const bytes = randomBytes(1000);
    expect(await files.put(key, bytes, { contentType: "application/pdf" })).toEqual({ size: 1000 });
    expect(await files.exists(key)).toBe(true);
    expect(Buffer.compare(await bytesOf(await files.get(key)), bytes)).toBe(0);

    const streamed = newStorageKey();
    expect(await files.put(streamed, Readable.from([Buffer.from("hello "), Buffer.from("world")]))).toEqual({ size: 11 });
    expect((await bytesOf(await files.get(streamed))).toString()).toBe("hello world");

    await files.remove(key);
    expect(await files.exists(key)).toBe(false);
    expect(isNotStored(await failure(files.get(key)))).toBe(true);
    // The other file is untouched.
    expect((await bytesOf(await files.get(streamed))).toString()).toBe("hello world");
  });

  it("never overwrites a stored key", async () => {
    const files = make();
    const key = newStorageKey();
    await files.put(key, Buffer.from("first"));
    const error = await failure(files.put(key, Buffer.from("second")));
    expect(isAlreadyStored(error)).toBe(true);
    expect(isAlreadyStored(await failure(files.put(key, Readable.from([Buffer.from("third")]))))).toBe(true);
    expect((await bytesOf(await files.get(key))).toString()).toBe("first");
  });

  it("answers a missing key: get refuses, exists is false, remove is no error", async () => {
    const files = make();
    const key = newStorageKey();
    expect(isNotStored(await failure(files.get(key)))).toBe(true);
    expect(await files.exists(key)).toBe(false);
    await expect(files.remove(key)).resolves.toBeUndefined();
  });

  it("takes namespaced keys for generated files, and refuses keys it did not make", async () => {
    const files = make();
    const random = newStorageKey("generated");
    expect(random).toMatch(/^generated\/[a-f0-9]{32}$/);
    await files.put(random, Buffer.from("%PDF-1.7 random"));
    const named = `generated/final-${randomBytes(6).toString("hex")}-en.pdf`;
    await files.put(named, Buffer.from("%PDF-1.7 named"));
    expect((await bytesOf(await files.get(named))).toString()).toBe("%PDF-1.7 named");
    expect(isAlreadyStored(await failure(files.put(named, Buffer.from("again"))))).toBe(true);
    for (const bad of ["../etc/passwd", "generated/../x", "generated/.hidden", "ab/cd", "ABCDEF", "", "a/b/c", "x".repeat(40)]) {
      await expect(files.put(bad, Buffer.from("x"))).rejects.toThrow(/Invalid storage key/);
      await expect(files.get(bad)).rejects.toThrow(/Invalid storage key/);
    }
  });

  it("streams a large file in and out without holding it in memory", async () => {
    const files = make();
    const key = newStorageKey();
    const total = 48 * MiB;
    const before = await bytesUnder(backing());
    // When 40 MiB have been read from the source, how much of it had already reached the storage's disk?
    let arrivedAt40 = -1;
    const source = generated(total, async (made) => {
      if (made === 40 * MiB) arrivedAt40 = (await bytesUnder(backing())) - before;
    });
    expect(await files.put(key, source.stream)).toEqual({ size: total });
    // Held back in memory at that moment: at most a few parts (S3: two 5 MiB parts in flight and one being
    // filled), never the file.
    expect(40 * MiB - arrivedAt40).toBeLessThan(20 * MiB);

    const back = createHash("sha256");
    let read = 0;
    for await (const chunk of await files.get(key)) {
      back.update(chunk as Uint8Array);
      read += (chunk as Uint8Array).byteLength;
    }
    expect(read).toBe(total);
    expect(back.digest("hex")).toBe(source.digest());
    await files.remove(key);
  });

  it("check() passes when the storage can be used", async () => {
    await expect(make().check()).resolves.toBeUndefined();
  });
});

describe("check() fails when the storage cannot be used", () => {
  it("local disk: the folder cannot be made", async () => {
    const file = path.join(localRoot, "not-a-folder");
    await writeFile(file, "x");
    await expect(new LocalDiskStorage(path.join(file, "uploads")).check()).rejects.toThrow();
  });

  it("S3: the bucket does not exist, or the server is not there", async () => {
    await expect(new S3Storage({ ...s3SettingsFromEnv(s3.env), bucket: "no-such-bucket" }).check()).rejects.toThrow();
    const down = new S3Storage({ ...s3SettingsFromEnv(s3.env), endpoint: "http://127.0.0.1:9" });
    await expect(down.check()).rejects.toThrow();
  });
});

describe("configuration", () => {
  it("reads STORAGE_URL and the usual S3 variables", () => {
    expect(
      s3SettingsFromEnv({
        STORAGE_URL: "s3://consultations/prod/files/",
        AWS_ENDPOINT_URL_S3: "https://minio.example.org",
        AWS_REGION: "eu-west-3",
        AWS_ACCESS_KEY_ID: "id",
        AWS_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "true",
      }),
    ).toEqual({
      bucket: "consultations",
      prefix: "prod/files",
      endpoint: "https://minio.example.org",
      region: "eu-west-3",
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
    });
    expect(s3SettingsFromEnv({ STORAGE_URL: "s3://bucket" })).toMatchObject({
      bucket: "bucket",
      prefix: "",
      region: "us-east-1",
    });
    expect(() => s3SettingsFromEnv({ STORAGE_URL: "https://bucket" })).toThrow(/s3:\/\/bucket/);
  });

  it("selects the driver: local by default (UPLOAD_DIR), S3 with STORAGE_URL", () => {
    const saved = { ...process.env };
    try {
      delete process.env.STORAGE_URL;
      delete process.env.ATTACHMENT_STORAGE;
      process.env.UPLOAD_DIR = localRoot;
      const local = storage();
      expect(local).toBeInstanceOf(LocalDiskStorage);
      expect((local as LocalDiskStorage).root).toBe(path.resolve(localRoot));
      Object.assign(process.env, s3.env);
      expect(storage()).toBeInstanceOf(S3Storage);
      expect((storage() as S3Storage).prefix).toBe("attachments");
      process.env.ATTACHMENT_STORAGE = "local";
      expect(() => storage()).toThrow(/STORAGE_URL is set/);
      process.env.ATTACHMENT_STORAGE = "ftp";
      expect(() => storage()).toThrow(/not supported/);
    } finally {
      process.env = saved;
    }
  });
});
