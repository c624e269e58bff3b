// The bar chart's group names fit beside their bars (components/insights/group-bar-chart.tsx): a long one is
// written on two lines, split at the space nearest its middle, in every language.
import { describe, expect, it } from "vitest";
import { LONGEST_LINE, labelLines } from "@/components/insights/group-bar-chart";
import { locales } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

describe("group names in the bar chart", () => {
  it("splits a long name in two at the space nearest its middle, and keeps a short one whole", () => {
    expect(labelLines("Intergovernmental and International Organisations")).toEqual([
      "Intergovernmental and",
      "International Organisations",
    ]);
    expect(labelLines("Civil Society")).toEqual(["Civil Society"]);
  });

  it("leaves no line too long to fit for any group in any language", async () => {
    for (const locale of locales) {
      const groups = (await loadMessages(locale)).StakeholderGroup as Record<string, string>;
      for (const name of Object.values(groups))
        for (const line of labelLines(name)) expect(line.length, `${locale}: ${name}`).toBeLessThanOrEqual(LONGEST_LINE);
    }
  });
});
