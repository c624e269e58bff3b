// Reading the curation forms' posted data: plain fields plus the repeated `tagIds` checkboxes, which the
// shared `formValues` (one value per key) would flatten. The actions' `input` (lib/curation/actions.ts).
import { asFormData } from "@/lib/actions";

export function curationValues(posted: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const formData = asFormData(posted); // a hand-made post may send anything: the schemas refuse what is missing
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && key !== "tagIds") values[key] = value;
  }
  values.tagIds = formData.getAll("tagIds").filter((value) => typeof value === "string");
  return values;
}
