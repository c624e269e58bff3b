"use server";
// Recording contributions received outside the form (lib/intake): one by one, or several from a CSV file
// checked first and imported whole. Each goes back to the call's intake page with what was done in the
// address, so it works, and shows its result, as a plain form post.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineAction } from "@/lib/actions";
import { keptValues } from "@/lib/responses/schemas";
import { checkImport, importContributions, type ImportCheck } from "./csv";
import { recordContribution } from "./intake";
import { intakeCheckSchema, intakeImportSchema, intakeRecordSchema } from "./schemas";

const intakePage = (callId: string, query: Record<string, string>) =>
  `/moderation/calls/${encodeURIComponent(callId)}/intake?${new URLSearchParams(query)}`;

/** Every field of the form, repeated ones (the ticks of a multiple-choice question) as lists. */
function allValues(formData: FormData) {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION") || key === "callId" || key === "submitKey") continue;
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = all.length === 1 ? all[0]! : all;
  }
  return values;
}

export const recordContributionAction = defineAction({
  name: "intake.record",
  auth: "responses.intake",
  schema: intakeRecordSchema,
  keepValues: (values, formData) => ({ ...values, ...keptValues(formData) }),
  run: async (input, { actor, formData }): Promise<null> => {
    const recorded = await recordContribution(actor, { ...input, values: allValues(formData) });
    revalidatePath("/", "layout");
    redirect(intakePage(input.callId, { done: "recorded", ref: recorded.reference, id: recorded.id }));
  },
});

/**
 * The uploaded file as text (UTF-8), or the text posted as `csv` when no file is (a script's post); none at
 * all is refused by the check as empty.
 */
async function fileText(formData: FormData) {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) return file.text();
  const text = formData.get("csv");
  return typeof text === "string" ? text : "";
}

export const checkImportAction = defineAction({
  name: "intake.check",
  auth: "responses.intake",
  schema: intakeCheckSchema,
  keepValues: false,
  run: async (input, { actor, formData }): Promise<ImportCheck & { csv: string }> => {
    const csv = await fileText(formData);
    return { ...(await checkImport(actor, { callId: input.callId, csv })), csv };
  },
});

export const importContributionsAction = defineAction({
  name: "intake.import",
  auth: "responses.intake",
  schema: intakeImportSchema,
  keepValues: false,
  run: async (input, { actor }): Promise<null> => {
    const { imported, references } = await importContributions(actor, input);
    revalidatePath("/", "layout");
    redirect(
      intakePage(input.callId, {
        done: "imported",
        n: String(imported),
        first: references[0] ?? "",
        last: references.at(-1) ?? "",
      }),
    );
  },
});
