// The sentence a one-button form shows when the server refused it. Such forms have only hidden fields (the
// item acted on), so a field's sentence ("This call does not exist") says more than the form's "fix the fields".
import type { ActionState } from "@/lib/actions";

export function refusalMessage(state: ActionState<unknown> | null): string | undefined {
  if (!state || state.ok) return undefined;
  const first = Object.values(state.fieldErrors ?? {}).find((messages) => messages?.length);
  return first?.[0] ?? state.message;
}
