"use client";
// Autosave of a response draft: a save ~1.5 s after the last change; every change is also kept in
// localStorage, so text typed while the server cannot be reached survives a reload and is saved when
// the connection is back (retries with backoff, and at once on the `online` event).
import { useCallback, useEffect, useRef, useState } from "react";

export type SaveOutcome = { ok: true; savedAt: string } | { ok: false; message: string };
export type AutosaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "refused"; message: string }
  | { kind: "local" };

type LocalCopy = { values: Record<string, unknown>; editedAt: string };

const DELAY = 1500;
const MAX_BACKOFF = 60_000;
export const localKey = (responseId: string) => `igf:response-draft:${responseId}`;

export function readLocalCopy(responseId: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(localKey(responseId));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

function writeLocalCopy(responseId: string, values: Record<string, unknown>) {
  try {
    window.localStorage.setItem(localKey(responseId), JSON.stringify({ values, editedAt: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the server copy is all there is.
  }
}

export function dropLocalCopy(responseId: string) {
  try {
    window.localStorage.removeItem(localKey(responseId));
  } catch {}
}

/**
 * @param enabled false when the server must not be written (closed call, withdrawn or submitted
 *   response); changes are then kept locally only (`localOnly`) or not at all.
 */
export function useAutosave({
  responseId,
  save,
  getValues,
  serverEnabled,
  localEnabled,
}: {
  responseId: string;
  save: (values: Record<string, unknown>) => Promise<SaveOutcome>;
  getValues: () => Record<string, unknown>;
  serverEnabled: boolean;
  localEnabled: boolean;
}) {
  const [state, setState] = useState<AutosaveState>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const backoff = useRef(DELAY);
  const stopped = useRef(false);
  const retry = useRef<() => void>(() => {});

  const run = useCallback(async () => {
    clearTimeout(timer.current);
    if (stopped.current || !serverEnabled) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setState({ kind: "saving" });
    const values = getValues();
    try {
      const outcome = await save(values);
      if (stopped.current) return;
      if (outcome.ok) {
        backoff.current = DELAY;
        setState({ kind: "saved", at: outcome.savedAt });
        // Only drop the local copy when nothing changed while the request was on its way.
        if (!again.current) dropLocalCopy(responseId);
      } else {
        setState({ kind: "refused", message: outcome.message });
      }
    } catch {
      // The server could not be reached: the local copy stays, and we try again later.
      setState({ kind: "offline" });
      backoff.current = Math.min(backoff.current * 2, MAX_BACKOFF);
      timer.current = setTimeout(() => retry.current(), backoff.current);
    } finally {
      inFlight.current = false;
      if (again.current && !stopped.current) {
        again.current = false;
        timer.current = setTimeout(() => retry.current(), DELAY);
      }
    }
  }, [getValues, responseId, save, serverEnabled]);
  useEffect(() => {
    retry.current = () => void run();
  }, [run]);

  /** Call on every change. */
  const changed = useCallback(() => {
    if (stopped.current) return;
    // After the field's own handler has updated the form's values.
    if (localEnabled) setTimeout(() => writeLocalCopy(responseId, getValues()), 0);
    if (!serverEnabled) {
      if (localEnabled) setState({ kind: "local" });
      return;
    }
    if (inFlight.current) again.current = true;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), DELAY);
  }, [getValues, localEnabled, responseId, run, serverEnabled]);

  /** Stops autosaving (before a submission, so no draft save races it). */
  const stop = useCallback(() => {
    stopped.current = true;
    clearTimeout(timer.current);
  }, []);
  const resume = useCallback(() => {
    stopped.current = false;
  }, []);

  useEffect(() => {
    const online = () => {
      if (readLocalCopy(responseId)) void run();
    };
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(timer.current);
    };
  }, [responseId, run]);

  return { state, changed, saveNow: run, stop, resume };
}
