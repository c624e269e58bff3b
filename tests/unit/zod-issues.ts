// A schema's refusal as short strings for assertions: "path:code", plus the parameters of codes whose
// sentence has placeholders, as the form shows them: 'title:tooLong {"max":200}'.
import type { z } from "zod";
import catalog from "@/lib/i18n/messages/en/errors.json";
import { fromZodIssue } from "@/lib/validation/issues";

const sentences: Record<string, string> = catalog.Errors;

export function issueList(schema: z.ZodType, values: unknown): string[] {
  const result = schema.safeParse(values);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const { code, params } = fromZodIssue(issue);
    const shown = params && sentences[code]?.includes("{") ? ` ${JSON.stringify(params)}` : "";
    return `${issue.path.join(".")}:${code}${shown}`;
  });
}
