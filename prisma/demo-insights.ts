// Demo participation targets: the open demo call aims for at least 10% of responses from each stakeholder
// group and every UN region, so its moderation page shows the balance and the gaps at once. Idempotent.
import { DEMO_CALLS } from "./demo-content";
import type { DbClient } from "@/lib/db";

export const DEMO_TARGETS = { targetMinGroupShare: 10, targetAllRegions: true } as const;

export async function seedDemoInsights(client: DbClient) {
  const open = DEMO_CALLS.find((call) => call.key === "open")!;
  await client.call.updateMany({ where: { slug: open.slug }, data: DEMO_TARGETS });
}
