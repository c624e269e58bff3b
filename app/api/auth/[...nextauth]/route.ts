import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptionsFor } from "@/lib/auth/options";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { trustedClientIp } from "@/lib/limits/client";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth with options of this request: the client's address and browser. */
async function handler(request: NextRequest, context: Context) {
  const options = authOptionsFor({
    clientIp: trustedClientIp(request.headers),
    userAgent: describeUserAgent(request.headers.get("user-agent")),
  });
  return NextAuth(request, context, options);
}

export { handler as GET, handler as POST };
