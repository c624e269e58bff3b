// A real S3-compatible server (s3rver) on loopback, on a free port, keeping its objects in a temporary folder.
// Its fixed account is S3RVER / S3RVER; requests are signed as for AWS, path-style.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export type S3TestServer = {
  endpoint: string;
  bucket: string;
  /** Where the server keeps objects and the parts of multipart uploads. */
  directory: string;
  /** The variables that point the app's storage at this server (STORAGE_URL and the rest). */
  env: Record<string, string>;
  stop(): Promise<void>;
};

export async function startS3Server(bucket = "igf-test"): Promise<S3TestServer> {
  const directory = await mkdtemp(path.join(tmpdir(), "igf-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      STORAGE_URL: `s3://${bucket}/attachments`,
      S3_ENDPOINT: endpoint,
      AWS_REGION: "us-east-1",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
