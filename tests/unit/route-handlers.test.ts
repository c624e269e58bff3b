// Every route handler of the app is written one way (lib/http/route.ts: `defineRoute`, which declares who may
// call it and maps errors once), except the open data API's (lib/api/http.ts: `apiGet`, its own documented
// error shape) and next-auth's own. A new route.ts written any other way fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const NEXT_AUTH = "app/api/auth/[...nextauth]/route.ts";

describe("route handlers", () => {
  const files = routeFiles(join(root, "app")).map((path) => ({
    file: relative(root, path).split("\\").join("/"),
    source: readFileSync(path, "utf8"),
  }));

  it("are found", () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => f.file)).toContain(NEXT_AUTH);
  });

  it("are each written with defineRoute, or apiGet under /api/v1", () => {
    const offenders: string[] = [];
    for (const { file, source } of files) {
      if (file === NEXT_AUTH) continue;
      const api = file.startsWith("app/api/v1/");
      for (const method of METHODS) {
        const exported = new RegExp(`export\\s+(?:async\\s+)?(?:function|const)\\s+${method}\\b[^]*?(?=\\nexport|$)`).exec(
          source,
        )?.[0];
        if (!exported) continue;
        const ok = api
          ? /^export function \w+\([^)]*\) \{\s*return apiGet\(/.test(exported)
          : new RegExp(`^export const ${method} = defineRoute(<[^]*?>)?\\(`).test(exported);
        if (!ok) offenders.push(`${file} ${method}`);
      }
      // The session and the error mapping come from the one helper, never read by hand.
      if (/getSessionUser|handleRouteErrors|assertSameOrigin/.test(source)) offenders.push(`${file} (reads them by hand)`);
    }
    expect(offenders).toEqual([]);
  });
});
