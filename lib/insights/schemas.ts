// The participation targets form: one schema for the browser and the server.
import { z } from "zod";
import { text } from "@/lib/validation/text";

export const TARGET_LIMITS = { minGroupShare: 0, maxGroupShare: 100 } as const;
/** Above this share, six groups cannot all reach the target at once (6 × 17% > 100%). */
export const REACHABLE_GROUP_SHARE = Math.floor(100 / 6);

export const targetsInputSchema = z.object({
  callId: text({ error: "invalid" }).trim().min(1, { error: "invalid" }).max(64, { error: "invalid" }),
  // Empty: no target. The form posts text; a number is accepted too.
  minGroupShare: z
    .union([text(), z.number()], { error: "wholePercent" })
    .transform((value) => (typeof value === "string" ? value.trim() : String(value)))
    .pipe(
      z.union([
        z.literal("").transform(() => null),
        text()
          .regex(/^\d{1,3}$/, { error: "wholePercent" })
          .transform(Number)
          .pipe(
            z
              .number()
              .int()
              .min(TARGET_LIMITS.minGroupShare, { error: "wholePercent" })
              .max(TARGET_LIMITS.maxGroupShare, { error: "wholePercent" }),
          ),
      ]),
    ),
  // A checkbox: "on" when ticked, absent otherwise.
  allRegions: z
    .union([z.boolean(), text()])
    .optional()
    .transform((value) => value === true || value === "on" || value === "true"),
});

export type TargetsFormValues = z.input<typeof targetsInputSchema>;
export type TargetsInput = z.output<typeof targetsInputSchema>;
