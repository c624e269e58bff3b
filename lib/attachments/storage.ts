// Where attachment bytes live. Behind a small interface so that object storage (S3 and the like) can be
// added for deployments with several app servers; today there is the local disk.
//
// Configuration:
//   ATTACHMENT_STORAGE  "local" (the default and, for now, the only choice)
//   UPLOAD_DIR          the local folder, default `.data/uploads` under the working directory. It must not
//                       be inside `public/`: files are only ever served through /api/attachments/<id>,
//                       which checks who is asking.
import "server-only";
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdir, open, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

export interface AttachmentStorage {
  /** Stores bytes under a key made by `newStorageKey()`. Refuses to overwrite. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes; throws when there are none. */
  get(key: string): Promise<Readable | Buffer>;
  /** Removes the bytes; a missing key is not an error. */
  remove(key: string): Promise<void>;
  /** Throws when the storage cannot be reached (cheap: for /api/ready). */
  check?(): Promise<void>;
}

const KEY = /^[a-f0-9]{32}$/;

/** A random key, never derived from the uploaded file's name. */
export function newStorageKey() {
  return randomBytes(16).toString("hex");
}

export class LocalDiskStorage implements AttachmentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file of a key: two-letter folders keep directories small. Anything but a server-made key is refused. */
  private pathOf(key: string) {
    if (!KEY.test(key)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    const file = path.resolve(this.root, key.slice(0, 2), key);
    if (!file.startsWith(this.root + path.sep)) throw new Error("Storage key escapes the upload folder");
    return file;
  }

  async put(key: string, bytes: Uint8Array) {
    const file = this.pathOf(key);
    // Only the upload folder and its shards are private (0700); folders above it keep the usual mode, so the
    // shared .data folder stays reachable by the embedded PostgreSQL's "postgres" user.
    await mkdir(path.dirname(this.root), { recursive: true });
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // "wx": never overwrites. A file is only served once its database row exists, which is written after
    // this returns, so nobody reads a half-written file.
    try {
      await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") await unlink(file).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Opened here so that a missing file fails now, not halfway through a download.
    const handle = await open(this.pathOf(key), "r");
    return handle.createReadStream();
  }

  async check() {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await access(this.root, constants.R_OK | constants.W_OK);
  }

  async remove(key: string) {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
  }
}

/** The configured storage. Read on each call, so tests can point UPLOAD_DIR at a temporary folder. */
export function storage(): AttachmentStorage {
  const kind = process.env.ATTACHMENT_STORAGE ?? "local";
  if (kind !== "local") {
    throw new Error(`ATTACHMENT_STORAGE=${kind} is not supported; use "local" (files in UPLOAD_DIR).`);
  }
  return new LocalDiskStorage(process.env.UPLOAD_DIR || path.join(process.cwd(), ".data", "uploads"));
}
