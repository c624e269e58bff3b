// The one permission authority (lib/auth/permissions.ts): what a facilitator, an observer, an administrator
// and a stakeholder may do in which forum, and that no other module compares roles itself.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  authorize,
  authorizeIn,
  can,
  canAppoint,
  forumFilter,
  forumScope,
  isPrivileged,
  partInForum,
  PERMISSIONS,
  type ForumRoles,
  type Permission,
} from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

const READ: Permission[] = ["forum.read", "responses.readAll", "insights.read"];
const WRITE: Permission[] = [
  "calls.manage",
  "items.moderate",
  "responses.intake",
  "responses.curate",
  "messages.edit",
  "exports.download",
  "audit.read",
  "emails.manage",
];
const PLATFORM: Permission[] = ["forums.manage", "accounts.manage", "operations.manage"];
const ALL = Object.keys(PERMISSIONS) as Permission[];

const person = (role: Role, forums: ForumRoles = {}) => ({ id: "p", role, forums });
const allowed = (actor: ReturnType<typeof person> | null, forumId?: string) =>
  ALL.filter((permission) => can(actor, permission, forumId)).sort();
const sorted = (list: Permission[]) => [...list].sort();

function kindOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return isAppError(error) ? `${error.kind}:${error.code}` : "other";
  }
  return "allowed";
}

describe("the permission authority", () => {
  it("names every permission once: reads and writes in a forum, and the platform's", () => {
    expect(sorted(ALL)).toEqual(sorted([...READ, ...WRITE, ...PLATFORM]));
  });

  it("gives a facilitator every forum right in their forum, an observer the reads, and neither anything elsewhere", () => {
    const facilitator = person("STAKEHOLDER", { A: "FACILITATOR" });
    const observer = person("STAKEHOLDER", { A: "OBSERVER" });
    expect(allowed(facilitator, "A")).toEqual(sorted([...READ, ...WRITE]));
    expect(allowed(facilitator, "B")).toEqual([]);
    expect(allowed(observer, "A")).toEqual(sorted(READ));
    expect(allowed(observer, "B")).toEqual([]);
    // Without a forum: held in some forum (a page's first gate, the menus).
    expect(allowed(facilitator)).toEqual(sorted([...READ, ...WRITE]));
    expect(allowed(observer)).toEqual(sorted(READ));
  });

  it("gives a stakeholder and a visitor nothing, and an administrator everything everywhere", () => {
    expect(allowed(person("STAKEHOLDER"))).toEqual([]);
    expect(allowed(person("STAKEHOLDER"), "A")).toEqual([]);
    expect(allowed(null)).toEqual([]);
    expect(allowed(person("ADMIN"), "A")).toEqual(sorted(ALL));
    expect(allowed(person("ADMIN"))).toEqual(sorted(ALL));
  });

  it("counts the global moderator of before forums as facilitator of every forum, with no platform right", () => {
    expect(allowed(person("MODERATOR"), "any")).toEqual(sorted([...READ, ...WRITE]));
    expect(allowed(person("MODERATOR"))).toEqual(sorted([...READ, ...WRITE]));
    expect(forumScope(person("MODERATOR"), "items.moderate")).toBe("all");
  });

  it("refuses outside a forum as for an unknown object, and inside it for want of the right as forbidden", () => {
    const facilitator = person("STAKEHOLDER", { A: "FACILITATOR" });
    const observer = person("STAKEHOLDER", { A: "OBSERVER", C: "FACILITATOR" });
    expect(kindOf(() => authorizeIn(null, "items.moderate", "A", "callNotFound"))).toBe("unauthenticated:unauthenticated");
    expect(kindOf(() => authorizeIn(person("STAKEHOLDER"), "items.moderate", "A", "callNotFound"))).toBe("forbidden:forbidden");
    expect(kindOf(() => authorizeIn(facilitator, "items.moderate", "A", "callNotFound"))).toBe("allowed");
    // Forum B's object and an unknown one (no forum) are refused alike.
    expect(kindOf(() => authorizeIn(facilitator, "items.moderate", "B", "callNotFound"))).toBe("not_found:callNotFound");
    expect(kindOf(() => authorizeIn(facilitator, "items.moderate", null, "callNotFound"))).toBe("not_found:callNotFound");
    // An observer who facilitates elsewhere sees forum A's object, so is told they may not change it.
    expect(kindOf(() => authorizeIn(observer, "items.moderate", "A", "callNotFound"))).toBe("forbidden:forbidden");
    expect(kindOf(() => authorizeIn(observer, "forum.read", "A", "callNotFound"))).toBe("allowed");
  });

  it("narrows lists to the forums where the right is held", () => {
    const actor = person("STAKEHOLDER", { A: "FACILITATOR", B: "OBSERVER" });
    expect(forumScope(actor, "forum.read")).toEqual(["A", "B"]);
    expect(forumScope(actor, "items.moderate")).toEqual(["A"]);
    expect(forumFilter(actor, "items.moderate")).toEqual({ forumId: { in: ["A"] } });
    expect(forumFilter(person("ADMIN"), "items.moderate")).toEqual({});
    expect(forumScope(null, "forum.read")).toEqual([]);
  });

  it("lets administrators appoint anywhere, and a forum's facilitators only when the forum allows it", () => {
    const facilitator = person("STAKEHOLDER", { A: "FACILITATOR", B: "OBSERVER" });
    expect(canAppoint(person("ADMIN"), { id: "A", facilitatorsMayAppoint: false })).toBe(true);
    expect(canAppoint(facilitator, { id: "A", facilitatorsMayAppoint: false })).toBe(false);
    expect(canAppoint(facilitator, { id: "A", facilitatorsMayAppoint: true })).toBe(true);
    expect(canAppoint(facilitator, { id: "B", facilitatorsMayAppoint: true })).toBe(false);
    expect(canAppoint(null, { id: "A", facilitatorsMayAppoint: true })).toBe(false);
  });

  it("marks anyone appointed to a forum as privileged (short sessions), as it does administrators", () => {
    expect(isPrivileged(person("STAKEHOLDER"))).toBe(false);
    expect(isPrivileged(person("STAKEHOLDER", { A: "OBSERVER" }))).toBe(true);
    expect(isPrivileged(person("ADMIN"))).toBe(true);
    expect(partInForum(person("STAKEHOLDER", { A: "OBSERVER" }), "A")).toBe("OBSERVER");
    expect(partInForum(person("ADMIN"), "A")).toBe("ADMIN");
    expect(partInForum(person("STAKEHOLDER", { A: "OBSERVER" }), "B")).toBeNull();
  });

  it("hands the actor back when allowed, and refuses a platform right to a facilitator", () => {
    const admin = person("ADMIN");
    expect(authorize(admin, "operations.manage")).toBe(admin);
    expect(kindOf(() => authorize(person("STAKEHOLDER", { A: "FACILITATOR" }), "accounts.manage"))).toBe("forbidden:forbidden");
    expect(kindOf(() => authorize(null, "forum.read"))).toBe("unauthenticated:unauthenticated");
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
