import { z } from "zod";
import { text } from "@/lib/validation/text";
import { GRANTABLE_ROLES } from "@/lib/auth/roles";
import { Role } from "@/lib/generated/prisma/enums";

export const changeRoleSchema = z.object({
  userId: text({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "required" }),
  role: z
    .enum(Role, { error: "chooseRole" })
    .refine((role) => (GRANTABLE_ROLES as readonly Role[]).includes(role), { error: "moderatorRoleRetired" }),
});
export type ChangeRoleInput = z.output<typeof changeRoleSchema>;

export const accountSearchSchema = z.object({
  q: text().trim().max(200).optional().catch(undefined),
});
