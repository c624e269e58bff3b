import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

export const changeRoleSchema = z.object({
  userId: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(64, { error: "required" }),
  role: z.enum(Role, { error: "chooseRole" }),
});
export type ChangeRoleInput = z.output<typeof changeRoleSchema>;

export const accountSearchSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
});
