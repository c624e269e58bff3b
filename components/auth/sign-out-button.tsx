"use client";
// A plain form posting to a server action: signing out works without JavaScript.
import { useActionState } from "react";
import { signOutAction } from "@/lib/auth/actions";

export function SignOutButton({ label }: { label: string }) {
  const [, formAction, pending] = useActionState(signOutAction, null);
  return (
    <form action={formAction}>
      <button type="submit" className="link-button" disabled={pending}>
        {label}
      </button>
    </form>
  );
}
