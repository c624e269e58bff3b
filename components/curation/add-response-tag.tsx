"use client";
// Puts one of the call's tags on the whole response: a select and a button in a plain form.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { refusalMessage } from "@/components/forms/refusal-message";
import type { FormAction } from "@/lib/actions";

type Props = {
  responseId: string;
  tags: { id: string; name: string }[];
  /** setResponseTagAction (lib/curation/actions.ts). */
  action: FormAction;
};

export function AddResponseTag({ responseId, tags, action }: Props) {
  const t = useTranslations("CodingResponse");
  const [state, formAction, pending] = useActionState(action, null);
  const refusal = refusalMessage(state);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="responseId" value={responseId} />
      <input type="hidden" name="op" value="add" />
      <label htmlFor="add-response-tag">{t("addTagLabel")}</label>
      <select id="add-response-tag" name="tagId" defaultValue="" required>
        <option value="" disabled>
          {t("chooseTag")}
        </option>
        {tags.map((tag) => (
          <option key={tag.id} value={tag.id}>
            {tag.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button" disabled={pending}>
        {t("addTag")}
      </button>
      {refusal && (
        <span role="alert" className="field-error">
          {refusal}
        </span>
      )}
    </form>
  );
}
