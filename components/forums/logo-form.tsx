"use client";
// The forum's logo on its editor: the current image with "Remove the logo", and a file input to upload a new
// one. Plain form posts to server actions (lib/forums/actions.ts) that come back to the editor saying what
// was done; a refusal (not a PNG or JPEG, too large) is said above the form. Works without JavaScript.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState, FormAction } from "@/lib/actions";
import { FORUM_LIMITS } from "@/lib/forums/schemas";

type Props = {
  forumId: string;
  forumName: string;
  /** The logo's address, or null when the forum has none. */
  logo: string | null;
  upload: FormAction<null>;
  remove: FormAction<null>;
};

export function LogoForm({ forumId, forumName, logo, upload, remove }: Props) {
  const t = useTranslations("Forums");
  const [uploaded, uploadAction, uploading] = useActionState<ActionState<null> | null, FormData>(upload, null);
  const [removed, removeAction, removing] = useActionState<ActionState<null> | null, FormData>(remove, null);
  const refusal = uploaded && !uploaded.ok ? uploaded.message : removed && !removed.ok ? removed.message : null;
  return (
    <>
      {refusal && (
        <p className="notice error" role="alert">
          {refusal}
        </p>
      )}
      {logo ? (
        <form action={removeAction} className="logo-current">
          <input type="hidden" name="forumId" value={forumId} />
          {/* eslint-disable-next-line @next/next/no-img-element -- a user upload served by our own route, any size */}
          <img src={logo} alt={t("logoAlt", { forum: forumName })} className="forum-logo" />
          <button type="submit" className="button secondary" disabled={removing}>
            {t("logoRemove")}
          </button>
        </form>
      ) : (
        <p>{t("logoNone")}</p>
      )}
      <form action={uploadAction} className="form">
        <input type="hidden" name="forumId" value={forumId} />
        <div className="field">
          <label htmlFor="forum-logo">{t("logoFile")}</label>
          <p className="hint" id="forum-logo-hint">
            {t("logoHint", { max: FORUM_LIMITS.logoBytes / 1024 })}
          </p>
          <input
            type="file"
            id="forum-logo"
            name="logo"
            accept="image/png,image/jpeg"
            required
            aria-describedby="forum-logo-hint"
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button secondary" disabled={uploading}>
            {t("logoUpload")}
          </button>
        </div>
      </form>
    </>
  );
}
