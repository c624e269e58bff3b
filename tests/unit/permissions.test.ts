// The one permission authority (lib/auth/permissions.ts): what each role may do, and that no other module
// compares roles itself.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { authorize, can, PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

const MODERATION: Permission[] = [
  "calls.manage",
  "items.moderate",
  "responses.curate",
  "responses.readAll",
  "messages.edit",
  "exports.download",
  "insights.read",
];
const ADMINISTRATION: Permission[] = ["accounts.manage", "audit.read", "operations.manage"];

describe("the permission authority", () => {
  it("lets a stakeholder do none of it, a moderator the moderation, an administrator everything", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...MODERATION, ...ADMINISTRATION].sort());
    const allowed = (role: Role) => (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can({ role }, p)).sort();
    expect(allowed("STAKEHOLDER")).toEqual([]);
    expect(allowed("MODERATOR")).toEqual([...MODERATION].sort());
    expect(allowed("ADMIN")).toEqual([...MODERATION, ...ADMINISTRATION].sort());
    expect(can(null, "calls.manage")).toBe(false);
  });

  it("refuses a visitor as unauthenticated and a lower role as forbidden, and hands the actor back", () => {
    const kind = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return isAppError(error) ? error.kind : "other";
      }
      return "allowed";
    };
    expect(kind(() => authorize(null, "calls.manage"))).toBe("unauthenticated");
    expect(kind(() => authorize({ role: "STAKEHOLDER" as Role }, "calls.manage"))).toBe("forbidden");
    expect(kind(() => authorize({ role: "MODERATOR" as Role }, "audit.read"))).toBe("forbidden");
    const admin = { id: "a", role: "ADMIN" as Role };
    expect(authorize(admin, "audit.read")).toBe(admin);
  });

  it("is the only place that compares roles", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated" && entry.name !== "node_modules") walk(path);
        } else if (/\.tsx?$/.test(entry.name) && !path.startsWith("lib/auth/")) {
          if (/\bhasRole\s*\(/.test(readFileSync(path, "utf8"))) offenders.push(path);
        }
      }
    };
    for (const dir of ["app", "components", "lib"]) walk(dir);
    expect(offenders).toEqual([]);
  });
});
