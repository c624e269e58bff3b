"use client";
// Opens every closed "Sources of paragraph n" before the page is printed (and closes them again after), so
// a printed copy carries each paragraph's sources; the print stylesheet adds each link's address. A visitor's
// copy of the page from the cache of public pages has no React: its own script does the same
// (scripts/lib/reading-page.mjs).
import { useEffect } from "react";

export function PrintSources() {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>("main details:not([open])")];
      for (const details of opened) details.open = true;
    };
    const after = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return null;
}
