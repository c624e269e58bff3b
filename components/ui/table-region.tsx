// The wrapper of every table that may be wider than the screen. On a phone the table scrolls sideways inside
// it (.table-wrap in app/globals.css), so the wrapper is a focusable, named region: keyboard users can reach
// it and scroll it with the arrow keys, and screen readers say what it holds (WCAG 2.1.1; axe
// scrollable-region-focusable). Name it by text already on the page: the id of the table's caption or of the
// nearest heading (`labelledBy`), or, where there is neither, a translated string (`label`).
import type { ReactNode } from "react";

type Name = { labelledBy: string; label?: never } | { label: string; labelledBy?: never };

export type TableRegionProps = Name & { className?: string; children: ReactNode };

export function TableRegion({ labelledBy, label, className, children }: TableRegionProps) {
  return (
    <div
      className={className ? `table-wrap ${className}` : "table-wrap"}
      role="region"
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-label={label}
    >
      {children}
    </div>
  );
}
