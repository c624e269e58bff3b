"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveNotificationSettingsAction, turnOffAllEmailsAction } from "@/lib/notifications/actions";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { preferenceField, type PreferenceField } from "@/lib/notifications/kinds";

const KINDS: NotificationKind[] = ["DRAFT_OPENED", "COMMENT_ACTIVITY", "FINAL_PUBLISHED"];

/** The three kinds, one checkbox each, and "turn off all emails". Plain forms: they work without JavaScript. */
export function NotificationSettingsForm({ kinds }: { kinds: Record<PreferenceField, boolean> }) {
  const t = useTranslations("NotificationSettings");
  const tKind = useTranslations("NotificationKind");
  const [saved, saveAction, saving] = useActionState(saveNotificationSettingsAction, null);
  const [allOff, allOffAction, turningOff] = useActionState(turnOffAllEmailsAction, null);
  const state = allOff ?? saved;
  // The key remounts the checkboxes when the server's values change (e.g. after "turn off all").
  const key = KINDS.map((kind) => (kinds[preferenceField[kind]] ? 1 : 0)).join("");
  return (
    <>
      <form action={saveAction} className="form" key={key}>
        <fieldset className="choice-group">
          <legend>{t("kindsLegend")}</legend>
          {KINDS.map((kind) => {
            const field = preferenceField[kind];
            return (
              <div className="choice" key={kind}>
                <input
                  type="checkbox"
                  id={`pref-${field}`}
                  name={field}
                  defaultChecked={kinds[field]}
                  aria-describedby={`pref-${field}-hint`}
                />
                <label htmlFor={`pref-${field}`}>
                  {tKind(kind)}
                  <span className="choice-hint hint" id={`pref-${field}-hint`}>
                    {t(`${kind}Hint`)}
                  </span>
                </label>
              </div>
            );
          })}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={saving}>
            {t("save")}
          </button>
        </div>
      </form>
      <form action={allOffAction} className="form">
        <div className="form-actions">
          <button type="submit" className="button secondary danger" disabled={turningOff}>
            {t("allOff")}
          </button>
        </div>
      </form>
      <p role={state && !state.ok ? "alert" : "status"} className={state && !state.ok ? "field-error" : ""}>
        {state?.message}
      </p>
    </>
  );
}
