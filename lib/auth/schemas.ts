import { z } from "zod";
import { text } from "@/lib/validation/text";

export const signInSchema = z.object({
  email: text().trim().toLowerCase().max(254, { error: "invalidEmail" }).pipe(z.email({ error: "invalidEmail" })),
});
export type SignInValues = z.input<typeof signInSchema>;

/**
 * Only same-site paths may be used to come back after signing in (no open redirects). next-auth hands
 * back absolute URLs of this site; those become paths, any other origin the fallback.
 */
export function safeReturnPath(value: string | null | undefined, fallback = "/") {
  if (!value) return fallback;
  const site = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : undefined;
  if (site && value.startsWith(site + "/")) value = value.slice(site.length);
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
