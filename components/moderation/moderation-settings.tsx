"use client";
// The call editor's moderation settings: pre- or post-moderation, and how many open reports hide a response.
import { useTranslations } from "next-intl";
import { EditorField } from "@/components/calls/editor-field";
import type { CallFormValues } from "@/lib/calls/schemas";
import { MODERATION_LIMITS, MODERATION_MODES } from "@/lib/moderation/schemas";

type Props = {
  /** The editor's own field wiring (id, aria, default value, registration). */
  field: (name: keyof CallFormValues, hint?: boolean) => Record<string, unknown>;
  errorOf: (path: string) => string | undefined;
};

export function ModerationSettings({ field, errorOf }: Props) {
  const t = useTranslations("CallModeration");
  return (
    <section aria-labelledby="moderation-heading" className="editor-section">
      <h2 id="moderation-heading">{t("heading")}</h2>
      <EditorField name="moderationMode" label={t("mode")} hint={t("modeHint")} error={errorOf("moderationMode")}>
        <select {...field("moderationMode", true)}>
          {MODERATION_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`modes.${mode}`)}
            </option>
          ))}
        </select>
      </EditorField>
      <EditorField
        name="reportThreshold"
        label={t("threshold")}
        hint={t("thresholdHint", { min: MODERATION_LIMITS.reportThresholdMin, max: MODERATION_LIMITS.reportThresholdMax })}
        error={errorOf("reportThreshold")}
      >
        <input
          type="number"
          inputMode="numeric"
          min={MODERATION_LIMITS.reportThresholdMin}
          max={MODERATION_LIMITS.reportThresholdMax}
          {...field("reportThreshold", true)}
        />
      </EditorField>
    </section>
  );
}
