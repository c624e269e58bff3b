"use client";
// A paragraph's less frequent tools (move, merge, split, delete) folded under one summary, so the editor shows
// each paragraph's text and sources first (issue 17: ~10 controls per paragraph made a 7-paragraph set 13,600
// px tall). It is rendered open, so without JavaScript every tool and every form's answer stays in view (a
// plain post re-renders the page with the answer inside); once the page runs scripts it folds itself, unless
// one of its forms has just said something.
import { useEffect, useRef, type ReactNode } from "react";

export function ToolsDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const said = [...details.querySelectorAll('[role="status"], [role="alert"]')].some((node) => node.textContent?.trim());
    if (!said) details.open = false;
  }, []);
  return (
    <details ref={ref} open className="paragraph-tools">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
