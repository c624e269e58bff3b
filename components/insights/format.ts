// How a count is written: a number, or "fewer than 5" for one the domain suppressed (null). Exact numbers
// are for moderators' views only; the public's come as `PublicCount` from lib/insights/public-figures.ts.
import type { PublicCount } from "@/lib/insights/suppression";

type Translate = (key: "fewer", values: { n: number }) => string;

export function countText(t: Translate, value: PublicCount | number, smallCell: number): string {
  return value === null ? t("fewer", { n: smallCell }) : String(value);
}
