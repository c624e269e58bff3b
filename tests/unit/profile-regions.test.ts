// The region a stakeholder gives is checked against their country's UN regional group (issue 16, item 4);
// a mismatch is explained only through "on behalf of".
import { describe, expect, it } from "vitest";
import { COUNTRY_CODES } from "@/lib/profile/countries";
import { GROUPED_COUNTRIES, regionFitsCountry, regionOfCountry } from "@/lib/profile/regions";
import { profileInputSchema } from "@/lib/profile/schemas";

describe("country → UN regional group", () => {
  it.each([
    ["TR", "WESTERN_EUROPE_OTHERS"],
    ["IL", "WESTERN_EUROPE_OTHERS"],
    ["AU", "WESTERN_EUROPE_OTHERS"],
    ["NZ", "WESTERN_EUROPE_OTHERS"],
    ["US", "WESTERN_EUROPE_OTHERS"],
    ["CA", "WESTERN_EUROPE_OTHERS"],
    ["KZ", "ASIA_PACIFIC"],
    ["CY", "ASIA_PACIFIC"],
    ["SA", "ASIA_PACIFIC"],
    ["KI", "ASIA_PACIFIC"],
    ["EE", "EASTERN_EUROPE"],
    ["GE", "EASTERN_EUROPE"],
    ["RU", "EASTERN_EUROPE"],
    ["EG", "AFRICA"],
    ["MA", "AFRICA"],
    ["ZA", "AFRICA"],
    ["BR", "LATIN_AMERICA_CARIBBEAN"],
    ["TT", "LATIN_AMERICA_CARIBBEAN"],
    ["MX", "LATIN_AMERICA_CARIBBEAN"],
    ["GB", "WESTERN_EUROPE_OTHERS"],
    ["de", "WESTERN_EUROPE_OTHERS"],
  ])("%s is in %s", (country, region) => {
    expect(regionOfCountry(country)).toBe(region);
  });

  it("covers the 193 member states and Palestine, all of them known country codes", () => {
    expect(GROUPED_COUNTRIES).toHaveLength(194);
    expect(GROUPED_COUNTRIES.every((code) => COUNTRY_CODES.includes(code))).toBe(true);
  });

  it("accepts any region for a territory or a country in no group", () => {
    for (const code of ["PR", "GL", "HK", "TW", "VA", "AQ"]) {
      expect(regionOfCountry(code)).toBeNull();
      expect(regionFitsCountry(code, "AFRICA")).toBe(true);
    }
    expect(regionFitsCountry("EE", "WESTERN_EUROPE_OTHERS")).toBe(false);
  });
});

describe("the profile's region", () => {
  const profile = {
    displayName: "Amina Diallo",
    stakeholderGroup: "CIVIL_SOCIETY",
    region: "WESTERN_EUROPE_OTHERS",
    country: "SN",
    organisation: "",
    onBehalfOf: "",
  };

  it("is refused when it is not the country's region and nothing is said on whose behalf", () => {
    const result = profileInputSchema.safeParse(profile);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["region", "regionMismatch"]]);
  });

  it("is accepted when it matches, or when “on behalf of” explains the difference", () => {
    expect(profileInputSchema.safeParse({ ...profile, region: "AFRICA" }).success).toBe(true);
    expect(profileInputSchema.safeParse({ ...profile, onBehalfOf: "European Digital Rights" }).success).toBe(true);
    expect(profileInputSchema.safeParse({ ...profile, onBehalfOf: "   " }).success).toBe(false);
  });
});
