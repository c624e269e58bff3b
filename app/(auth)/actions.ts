"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { endSession, SESSION_COOKIES } from "@/lib/auth/sign-out";

export async function signOutAction() {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token) await endSession(token);
    jar.delete(name);
  }
  redirect("/?signedOut=1");
}
