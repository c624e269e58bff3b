import { signOutAction } from "@/app/(auth)/actions";

/** A plain form posting to a server action: signing out works without JavaScript. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="link-button">
        {label}
      </button>
    </form>
  );
}
