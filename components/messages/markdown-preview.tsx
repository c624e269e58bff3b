"use client";
// "Preview": the field's Markdown rendered on the server through the same sanitizer as the published page
// (lib/markdown.ts), so what the moderator sees is what readers will get. Nothing is saved.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions";
import { previewMarkdownAction } from "@/lib/messages/actions";
import styles from "./message-editor.module.css";

export function MarkdownPreview({ label, read }: { label: string; read: () => string }) {
  const t = useTranslations("MessageEditor");
  const [result, setResult] = useState<ActionState<{ html: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const show = () => {
    const formData = new FormData();
    formData.set("source", read());
    startTransition(async () => setResult(await previewMarkdownAction(null, formData)));
  };
  return (
    <div className={styles.preview}>
      <button type="button" className="button secondary" disabled={pending} onClick={show}>
        {t("preview")}
        <span className="visually-hidden"> {label}</span>
      </button>
      <div aria-live="polite">
        {result && !result.ok && <p className="field-error">{result.fieldErrors?.source?.[0] ?? result.message}</p>}
        {result?.ok && (
          <section aria-label={t("previewOf", { label })} className={styles.previewBox}>
            <div className="prose" dangerouslySetInnerHTML={{ __html: result.data.html }} />
          </section>
        )}
      </div>
    </div>
  );
}
