"use client";
// "Preview": the field's Markdown rendered on the server through the same sanitizer as the published page
// (lib/markdown.ts), so what the moderator sees is what readers will get. Nothing is saved.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions";
import styles from "./message-editor.module.css";

export type PreviewAction = (source: string) => Promise<ActionResult<{ html: string }>>;

export function MarkdownPreview({ label, read, preview }: { label: string; read: () => string; preview: PreviewAction }) {
  const t = useTranslations("MessageEditor");
  const [result, setResult] = useState<ActionResult<{ html: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className={styles.preview}>
      <button
        type="button"
        className="button secondary"
        disabled={pending}
        onClick={() => startTransition(async () => setResult(await preview(read())))}
      >
        {t("preview")}
        <span className="visually-hidden"> {label}</span>
      </button>
      <div aria-live="polite">
        {result && !result.ok && <p className="field-error">{result.message}</p>}
        {result?.ok && (
          <section aria-label={t("previewOf", { label })} className={styles.previewBox}>
            <div className="prose" dangerouslySetInnerHTML={{ __html: result.data.html }} />
          </section>
        )}
      </div>
    </div>
  );
}
