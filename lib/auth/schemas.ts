import { z } from "zod";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, { error: "invalidEmail" }).pipe(z.email({ error: "invalidEmail" })),
});
export type SignInValues = z.input<typeof signInSchema>;

/** Only same-site paths may be used to come back after signing in (no open redirects). */
export function safeReturnPath(value: string | null | undefined, fallback = "/") {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
