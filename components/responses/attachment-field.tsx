"use client";

// The files of a response: a file input that uploads as soon as a file is chosen, the list of attached
// files with a remove button each, and the limits. It talks to /api/responses/<id>/attachments and
// /api/attachments/<id>; the server checks everything again (owner, type by content, size, count, dates).
// The input has no `name`, so a surrounding response form never submits the file itself.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ACCEPT, kindOfMediaType, MAX_BYTES, MAX_FILES, type AttachmentSummary } from "@/lib/attachments/limits";
import { UserText } from "@/components/ui/user-text";

type Props = {
  responseId: string;
  initial: AttachmentSummary[];
  /** When the files can no longer change (call closed, response withdrawn): the list only. */
  disabled?: boolean;
  /** Told after each upload or removal, so the form can ask about the files of an anonymous response. */
  onCountChange?: (count: number) => void;
  /** False for a moderator adding the files of a recorded contribution: the author's privacy note is not theirs. */
  authorHint?: boolean;
};

type Status = { text: string; error: boolean } | null;
type Answer = { ok: true; attachment?: AttachmentSummary } | { ok: false; code?: string; message: string };

const limits = { maxFiles: MAX_FILES, maxMegabytes: MAX_BYTES / (1024 * 1024) };

export function AttachmentField({ responseId, initial, disabled = false, onCountChange, authorHint = true }: Props) {
  const t = useTranslations("Attachments");
  const tErrors = useTranslations("Errors");
  const format = useFormatter();
  const [files, setFiles] = useState<AttachmentSummary[]>(initial);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const ids = { input: `${id}-input`, hint: `${id}-hint`, status: `${id}-status`, list: `${id}-list` };
  const remaining = MAX_FILES - files.length;
  const countRef = useRef(files.length);
  useEffect(() => {
    if (countRef.current === files.length) return;
    countRef.current = files.length;
    onCountChange?.(files.length);
  }, [files.length, onCountChange]);

  /**
   * Sends a request and reads the JSON answer, whose refusal the server has already put in words; a network
   * failure or an answer that is not the server's JSON (a proxy's page) becomes a message here.
   */
  async function call(url: string, init: RequestInit): Promise<Answer> {
    try {
      const response = await fetch(url, { ...init, credentials: "same-origin", headers: { accept: "application/json" } });
      const answer = (await response.json().catch(() => null)) as Answer | null;
      if (answer?.ok === true) return answer;
      if (answer?.ok === false && typeof answer.message === "string" && answer.message) return answer;
      if (response.status === 413) return { ok: false, message: tErrors("fileTooLarge", limits) };
      return { ok: false, message: tErrors("networkFailed") };
    } catch {
      return { ok: false, message: tErrors("networkFailed") };
    }
  }

  async function upload(file: File) {
    const fail = (message: string) => setStatus({ text: t("failed", { name: file.name, message }), error: true });
    // The same limits as the server, checked first so that a large file is not sent for nothing.
    if (file.size > MAX_BYTES) return fail(tErrors("fileTooLarge", limits));
    if (remaining <= 0) return fail(tErrors("tooManyFiles", limits));
    setBusy(true);
    setStatus({ text: t("uploading", { name: file.name }), error: false });
    const body = new FormData();
    body.append("file", file);
    const answer = await call(`/api/responses/${encodeURIComponent(responseId)}/attachments`, { method: "POST", body });
    setBusy(false);
    if (inputRef.current) inputRef.current.value = "";
    if (!answer.ok) return fail(answer.message);
    const attachment = answer.attachment!;
    setFiles((current) => [...current, attachment]);
    setStatus({ text: t("uploaded", { name: attachment.fileName }), error: false });
  }

  async function remove(file: AttachmentSummary) {
    setBusy(true);
    setStatus({ text: t("removing", { name: file.fileName }), error: false });
    const answer = await call(`/api/attachments/${encodeURIComponent(file.id)}`, { method: "DELETE" });
    if (!answer.ok) {
      setBusy(false);
      setStatus({ text: t("removeFailed", { name: file.fileName, message: answer.message }), error: true });
      return;
    }
    // Rendered at once, so that the input is enabled again before it takes the focus of the removed button.
    flushSync(() => {
      setBusy(false);
      setFiles((current) => current.filter((f) => f.id !== file.id));
      setStatus({ text: t("removed", { name: file.fileName }), error: false });
    });
    inputRef.current?.focus();
  }

  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" })
      : format.number(bytes / (1024 * 1024), { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const kind = (mediaType: string) => t(`kind.${kindOfMediaType(mediaType) ?? "other"}`);
  const describedBy = [ids.hint, status?.error && ids.status].filter(Boolean).join(" ");

  return (
    <div className="field attachment-field">
      <label htmlFor={ids.input}>{t("label")}</label>
      <div id={ids.hint}>
        <p className="hint">{t("hint", limits)}</p>
        {authorHint && <p className="hint">{t("privacyHint")}</p>}
        {!disabled && <p className="hint">{t("remaining", { count: Math.max(0, remaining), ...limits })}</p>}
      </div>
      <input
        ref={inputRef}
        id={ids.input}
        type="file"
        accept={ACCEPT}
        disabled={disabled || busy || remaining <= 0}
        aria-describedby={describedBy}
        aria-invalid={status?.error ? true : undefined}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void upload(file);
        }}
      />
      <noscript>
        <p className="hint">{t("needsJavaScript")}</p>
      </noscript>
      <div id={ids.status} className="attachment-status" aria-live="polite">
        {busy && <progress className="attachment-progress" aria-label={status?.text} />}
        {status && <p className={status.error ? "field-error" : "hint"}>{status.text}</p>}
      </div>
      <p id={ids.list} className="attachment-list-label">
        {t("listLabel")}
      </p>
      {files.length === 0 ? (
        <p className="hint">{t("none")}</p>
      ) : (
        <ul className="attachment-list" aria-labelledby={ids.list}>
          {files.map((file) => (
            <li key={file.id}>
              <a href={`/api/attachments/${encodeURIComponent(file.id)}`} download={file.fileName}>
                <UserText>{file.fileName}</UserText>
              </a>{" "}
              <span className="meta">({t("fileMeta", { kind: kind(file.mediaType), size: size(file.size) })})</span>
              {!disabled && (
                <button type="button" className="button secondary" disabled={busy} onClick={() => void remove(file)}>
                  {t("remove")}
                  <span className="visually-hidden">
                    {" "}
                    <UserText>{file.fileName}</UserText>
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
