// Zod issues as the app's errors: a schema names the code as the issue's message ({ error: "tooLong" }) and the
// parameters come from the issue itself (`maximum` → max, `minimum` → min) or, for custom issues, from their
// `params` (ctx.addIssue({ code: "custom", message: "tooManyOptions", params: { max: 8 } })). Pure: the form
// hook uses it in the browser, the action client on the server.
import type { z } from "zod";
import type { ErrorDescriptor, FieldErrorDescriptors } from "@/lib/errors";

const CODE = /^[a-zA-Z]+$/;

export function fromZodIssue(issue: z.core.$ZodIssue): ErrorDescriptor {
  // A message that is not a code is zod's own English sentence (a type the schema did not name): "invalidValue".
  const code = CODE.test(issue.message) ? issue.message : "invalidValue";
  const params: Record<string, unknown> = {};
  if (issue.code === "too_big") params.max = Number(issue.maximum);
  if (issue.code === "too_small") params.min = Number(issue.minimum);
  if (issue.code === "custom" && issue.params) Object.assign(params, issue.params);
  return { code, params: Object.keys(params).length ? params : undefined } as ErrorDescriptor;
}

/** The issues by the field they are about: the first path segment ("form" for the object itself), or with
 * `nested` the whole dotted path ("questions.2.prompt"), for forms whose fields are named so. */
export function fieldErrorsOf(error: z.ZodError, { nested = false } = {}): FieldErrorDescriptors {
  const fields: Record<string, ErrorDescriptor[]> = {};
  for (const issue of error.issues) (fields[fieldNameOf(issue.path, nested)] ??= []).push(fromZodIssue(issue));
  return fields;
}

/** The form field an issue's path names (see fieldErrorsOf). */
export function fieldNameOf(path: readonly PropertyKey[], nested = false) {
  return (nested ? path.map(String).join(".") : String(path[0] ?? "")) || "form";
}
