// Where stored files live: response attachments, their public copies, and files the app makes (e.g. the
// final messages PDF). One small interface, two drivers: the local disk (the default, also for the embedded
// quick start) and S3-compatible object storage (AWS S3, MinIO, Ceph, Garage…), which several app instances
// share.
//
// Configuration (read on each call to `storage()`, so tests can change it):
//   STORAGE_URL          `s3://bucket` or `s3://bucket/prefix`: object storage. Unset: the local disk.
//     S3_ENDPOINT or AWS_ENDPOINT_URL_S3   the server's URL (unset: AWS itself)
//     AWS_REGION           default `us-east-1`
//     AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY   the keys (or any other credential source the AWS SDK knows)
//     S3_FORCE_PATH_STYLE  `true` for servers without bucket sub-domains (MinIO, Ceph, Garage)
//   ATTACHMENT_STORAGE   "local" (the default) or "s3" (then STORAGE_URL is required)
//   UPLOAD_DIR           the local folder, default `.data/uploads` under the working directory. It must not
//                        be inside `public/`: files are only ever served through /api/attachments/<id>,
//                        which checks who is asking.
//
// Keys: `newStorageKey()` gives a random 32-hex key (attachments); `newStorageKey("generated")` gives
// `generated/<32 hex>`; a caller that wants one file per thing (say a PDF per version and language) may use
// its own name in a namespace, `generated/final-<id>-en.pdf` (see KEY below). Nothing is ever overwritten:
// `put` on an existing key throws an error for which `isAlreadyStored(error)` is true, so a job that is
// retried can treat it as "already done".
import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { access, constants, mkdir, open, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { pipeline as pipe, Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";

export type StoredBody = Uint8Array | Readable;

export interface AttachmentStorage {
  /**
   * Stores `body` (bytes, or a stream read to its end and never held whole in memory) under `key`. Refuses
   * to overwrite: an existing key throws an error for which `isAlreadyStored` is true. Resolves with the
   * number of bytes stored.
   */
  put(key: string, body: StoredBody, options?: { contentType?: string }): Promise<{ size: number }>;
  /** The stored bytes as a stream; throws an error for which `isNotStored` is true when there are none. */
  get(key: string): Promise<Readable>;
  /** Whether something is stored under `key`. */
  exists(key: string): Promise<boolean>;
  /** Removes the bytes; a missing key is not an error. */
  remove(key: string): Promise<void>;
  /** Cheap readiness probe (for /api/ready): throws when the storage cannot be used. */
  check(): Promise<void>;
}

/**
 * A server-made key: 32 hex digits (attachments, as before), or `namespace/name` with a namespace of at least
 * three letters (so it never meets a two-hex-digit shard folder) and a name of safe characters that starts
 * with a letter or digit (so never `.` or `..`).
 */
const KEY = /^(?:[a-f0-9]{32}|[a-z][a-z0-9-]{2,31}\/[a-z0-9][a-z0-9._-]{0,127})$/;

export function assertStorageKey(key: string) {
  if (!KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

/** Stored bytes read whole (a file to process: an attachment to strip, a forum's logo to serve). */
export async function readAll(body: Readable | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** A random key, never derived from the uploaded file's name; in `namespace/` when given. */
export function newStorageKey(namespace?: string) {
  const key = randomBytes(16).toString("hex");
  if (!namespace) return key;
  const namespaced = `${namespace}/${key}`;
  assertStorageKey(namespaced);
  return namespaced;
}

class StorageError extends Error {
  constructor(
    readonly code: "already_stored" | "not_stored",
    key: string,
  ) {
    super(code === "already_stored" ? `Already stored: ${key}` : `Not stored: ${key}`);
    this.name = "StorageError";
  }
}

export const isAlreadyStored = (error: unknown) => error instanceof StorageError && error.code === "already_stored";
export const isNotStored = (error: unknown) => error instanceof StorageError && error.code === "not_stored";

const asStream = (body: StoredBody) => (body instanceof Readable ? body : Readable.from([body]));

export class LocalDiskStorage implements AttachmentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file of a key: two-letter folders keep directories small. Anything but a server-made key is refused. */
  private pathOf(key: string) {
    assertStorageKey(key);
    const [namespace, name] = key.includes("/") ? key.split("/") : [key.slice(0, 2), key];
    const file = path.resolve(this.root, namespace!, name!);
    if (!file.startsWith(this.root + path.sep)) throw new Error("Storage key escapes the upload folder");
    return file;
  }

  async put(key: string, body: StoredBody) {
    const file = this.pathOf(key);
    // Only the upload folder and its shards are private (0700); folders above it keep the usual mode, so the
    // shared .data folder stays reachable by the embedded PostgreSQL's "postgres" user.
    await mkdir(path.dirname(this.root), { recursive: true });
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // "wx": never overwrites. A file is only served once its database row exists, which is written after
    // this returns, so nobody reads a half-written file.
    let size = 0;
    const out = createWriteStream(file, { flags: "wx", mode: 0o600 });
    try {
      await pipeline(
        asStream(body),
        async function* (source: AsyncIterable<Uint8Array>) {
          for await (const chunk of source) {
            size += chunk.byteLength;
            yield chunk;
          }
        },
        out,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new StorageError("already_stored", key);
      await unlink(file).catch(() => undefined);
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    // Opened here so that a missing file fails now, not halfway through a download.
    try {
      const handle = await open(this.pathOf(key), "r");
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new StorageError("not_stored", key);
      throw error;
    }
  }

  async exists(key: string) {
    return stat(this.pathOf(key)).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
  }

  async remove(key: string) {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }

  /** The folder exists (made if need be) and this process may write in it. */
  async check() {
    await mkdir(path.dirname(this.root), { recursive: true });
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await access(this.root, constants.W_OK | constants.X_OK);
  }
}

export type S3Settings = {
  bucket: string;
  /** Prepended to every key with a "/" (no leading or trailing slash). */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
};

/** Size of each part of a multipart upload; at most QUEUE_SIZE parts are held in memory at once. */
const PART_SIZE = 5 * 1024 * 1024;
const QUEUE_SIZE = 2;

const httpStatus = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

export class S3Storage implements AttachmentStorage {
  readonly client: S3Client;
  readonly bucket: string;
  readonly prefix: string;

  constructor(settings: S3Settings) {
    this.bucket = settings.bucket;
    this.prefix = settings.prefix;
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // Checksums only where S3 requires them: servers other than AWS (and older ones) do not all accept the
      // SDK's default trailing checksums. AWS_REQUEST_CHECKSUM_CALCULATION still overrides this.
      requestChecksumCalculation: process.env.AWS_REQUEST_CHECKSUM_CALCULATION ? undefined : "WHEN_REQUIRED",
      responseChecksumValidation: process.env.AWS_RESPONSE_CHECKSUM_VALIDATION ? undefined : "WHEN_REQUIRED",
    });
  }

  private objectKey(key: string) {
    assertStorageKey(key);
    return this.prefix ? `${this.prefix}/${key}` : key;
  }

  async put(key: string, body: StoredBody, options: { contentType?: string } = {}) {
    const Key = this.objectKey(key);
    // `IfNoneMatch: "*"` makes S3 itself refuse an existing key (AWS S3 and current MinIO do); servers that
    // ignore it (s3rver, some older ones) are covered by looking first. Keys are random, so the window
    // between the two is only a concern for names a caller chooses.
    if (await this.exists(key)) throw new StorageError("already_stored", key);
    let size = 0;
    // pipeline: an error of the source ends the upload too (which then aborts its multipart upload).
    const counted = pipe(
      asStream(body),
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.byteLength;
          done(null, chunk);
        },
      }),
      () => undefined,
    );
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key,
        Body: counted,
        IfNoneMatch: "*",
        ContentType: options.contentType ?? "application/octet-stream",
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
    });
    try {
      await upload.done();
    } catch (error) {
      if (httpStatus(error) === 412) throw new StorageError("already_stored", key);
      throw error;
    }
    return { size };
  }

  async get(key: string): Promise<Readable> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!(answer.Body instanceof Readable)) throw new Error("The S3 client gave no Node.js stream");
      return answer.Body;
    } catch (error) {
      if (httpStatus(error) === 404) throw new StorageError("not_stored", key);
      throw error;
    }
  }

  async exists(key: string) {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (httpStatus(error) === 404) return false;
      throw error;
    }
  }

  async remove(key: string) {
    // S3 answers a missing key with success too.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  /** The bucket exists and the keys may use it (HeadBucket: no data read or written). */
  async check() {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
}

/** `s3://bucket[/prefix]` and the usual variables, or a sentence saying what is wrong. */
export function s3SettingsFromEnv(env: Record<string, string | undefined> = process.env): S3Settings {
  const raw = env.STORAGE_URL ?? "";
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(raw);
  if (!match) throw new Error(`STORAGE_URL=${JSON.stringify(raw)} is not s3://bucket or s3://bucket/prefix.`);
  const prefix = (match[2] ?? "").replace(/^\/+|\/+$/g, "");
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  return {
    bucket: match[1]!,
    prefix,
    endpoint: env.S3_ENDPOINT || env.AWS_ENDPOINT_URL_S3 || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true" || env.S3_FORCE_PATH_STYLE === "1",
    // Both keys given: used as they are; otherwise the AWS SDK's own chain (profiles, instance roles…).
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

const cache = globalThis as unknown as { __igfStorage?: { config: string; storage: AttachmentStorage } };

/** The configured storage (the same object while the configuration is the same). */
export function storage(): AttachmentStorage {
  const env = process.env;
  const kind = env.ATTACHMENT_STORAGE || (env.STORAGE_URL ? "s3" : "local");
  const config = JSON.stringify([
    kind,
    env.STORAGE_URL,
    env.UPLOAD_DIR,
    env.S3_ENDPOINT,
    env.AWS_ENDPOINT_URL_S3,
    env.AWS_REGION,
    env.AWS_ACCESS_KEY_ID,
    env.AWS_SECRET_ACCESS_KEY,
    env.S3_FORCE_PATH_STYLE,
  ]);
  if (cache.__igfStorage?.config === config) return cache.__igfStorage.storage;
  let made: AttachmentStorage;
  if (kind === "s3") {
    if (!env.STORAGE_URL) throw new Error("ATTACHMENT_STORAGE=s3 needs STORAGE_URL=s3://bucket[/prefix].");
    made = new S3Storage(s3SettingsFromEnv(env));
  } else if (kind === "local") {
    if (env.STORAGE_URL) throw new Error('STORAGE_URL is set but ATTACHMENT_STORAGE="local": remove one of them.');
    made = new LocalDiskStorage(env.UPLOAD_DIR || path.join(process.cwd(), ".data", "uploads"));
  } else {
    throw new Error(`ATTACHMENT_STORAGE=${kind} is not supported; use "local" (files in UPLOAD_DIR) or "s3" (STORAGE_URL).`);
  }
  cache.__igfStorage = { config, storage: made };
  return made;
}
