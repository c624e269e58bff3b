import type { Role } from "@/lib/generated/prisma/enums";
import type { ForumRoles } from "./permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string | null; role: Role; forums: ForumRoles; hasProfile: boolean };
  }
}
