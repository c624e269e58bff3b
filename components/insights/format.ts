// How a public count is written: a number, or "fewer than 5" for a suppressed one.
import type { PublicCount } from "@/lib/insights/suppression";

type Translate = (key: "fewer", values: { n: number }) => string;

export function countText(t: Translate, value: PublicCount, smallCell: number): string {
  return value === null ? t("fewer", { n: smallCell }) : String(value);
}
