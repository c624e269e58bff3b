// Mail in domain tests goes to a temporary outbox folder (no SMTP), removed after the file's tests; the
// console line each mail prints is silenced. Returns the folder, for tests that read the mail.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, vi } from "vitest";

export function withTemporaryOutbox(prefix: string): string {
  const outbox = mkdtempSync(join(tmpdir(), `igf-${prefix}-`));
  beforeAll(() => {
    vi.stubEnv("OUTBOX_DIR", outbox);
    vi.stubEnv("SMTP_URL", "");
    vi.spyOn(console, "info").mockImplementation(() => {});
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(outbox, { recursive: true, force: true });
  });
  return outbox;
}
