// The demo campaign: after the seed, the open call has exactly one campaign, the coalition's eight
// responses, and seeding again neither duplicates it nor recomputes it.
import { afterAll, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { DEMO_CALLS, DEMO_DOMAIN } from "@/prisma/demo-content";
import { seedDemo } from "@/prisma/seed";

afterAll(disconnectDb);

const slug = DEMO_CALLS.find((call) => call.key === "open")!.slug;

it("clusters the coalition's eight responses, once", async () => {
  await seedDemo(db, { quiet: true });
  const call = await db.call.findUniqueOrThrow({ where: { slug }, select: { id: true, clusteredAt: true } });
  const clusters = await db.responseCluster.findMany({ where: { callId: call.id }, select: { id: true, size: true } });
  expect(clusters.map((c) => c.size)).toEqual([8]);
  const members = await db.response.findMany({
    where: { clusterId: clusters[0]!.id },
    select: { author: { select: { email: true } } },
  });
  expect(members.every((m) => /^campaign-0\d@/.test(m.author!.email) && m.author!.email.endsWith(DEMO_DOMAIN))).toBe(true);
  const audits = await db.auditEntry.count({ where: { callId: call.id, action: "call.cluster" } });

  await seedDemo(db, { quiet: true });
  expect(await db.responseCluster.findMany({ where: { callId: call.id }, select: { id: true, size: true } })).toEqual(clusters);
  expect(await db.auditEntry.count({ where: { callId: call.id, action: "call.cluster" } })).toBe(audits);
});
