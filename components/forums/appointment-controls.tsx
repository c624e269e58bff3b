"use client";
// One appointment's buttons on a forum's people page: change the part, remove. Plain forms with hidden
// fields (they work without JavaScript); the server decides, and says what happened or why not.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { refusalMessage } from "@/components/forms/refusal-message";
import type { ActionState } from "@/lib/actions";
import { changeAppointmentAction, removeAppointmentAction } from "@/lib/forums/actions";
import type { AppointmentOutcome } from "@/lib/forums/appointments";
import { FORUM_ROLES } from "@/lib/forums/schemas";
import type { ForumRole } from "@/lib/generated/prisma/enums";

type Props = { forumId: string; appointmentId: string; person: string; role: ForumRole };

/** The sentence of an answer: what happened, or why nothing did. */
function Answer({ state }: { state: ActionState<AppointmentOutcome> | null }) {
  if (!state) return null;
  return state.ok ? (
    <span role="status">{state.message}</span>
  ) : (
    <span role="alert" className="field-error">
      {refusalMessage(state)}
    </span>
  );
}

export function AppointmentControls({ forumId, appointmentId, person, role }: Props) {
  const t = useTranslations("Forums");
  const [changed, changeAction, changing] = useActionState(changeAppointmentAction, null);
  const [removed, removeAction, removing] = useActionState(removeAppointmentAction, null);
  const selectId = `part-${appointmentId}`;
  return (
    <>
      <form action={changeAction} className="inline-form">
        <input type="hidden" name="forumId" value={forumId} />
        <input type="hidden" name="appointmentId" value={appointmentId} />
        <label htmlFor={selectId} className="visually-hidden">
          {t("changeFor", { person })}
        </label>
        <select id={selectId} name="role" defaultValue={role}>
          {FORUM_ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`roles.${option}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary" disabled={changing}>
          {t("change")}
        </button>
        <Answer state={changed} />
      </form>
      <form action={removeAction} className="inline-form">
        <input type="hidden" name="forumId" value={forumId} />
        <input type="hidden" name="appointmentId" value={appointmentId} />
        <button type="submit" className="button secondary" disabled={removing} aria-label={t("removeFor", { person })}>
          {t("remove")}
        </button>
        <Answer state={removed} />
      </form>
    </>
  );
}
