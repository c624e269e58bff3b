// Links to the previous and next page of a list (the public responses, a call's contributors), with where the
// reader is when the list knows it ("Page 2 of 208"). Nothing when there is no other page.
import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

type Step = { href: string; label: string };

type Props = {
  /** The navigation's name, e.g. "Pages of results". */
  label: string;
  previous?: Step | null;
  next?: Step | null;
  /** The page shown, e.g. "Page 2 of 208". */
  current?: ReactNode;
};

export function Pager({ label, previous, next, current }: Props) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="pager">
      {previous && (
        <Link rel="prev" href={previous.href}>
          {previous.label}
        </Link>
      )}
      {current && <span aria-current="page">{current}</span>}
      {next && (
        <Link rel="next" href={next.href}>
          {next.label}
        </Link>
      )}
    </nav>
  );
}
