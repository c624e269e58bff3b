import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getOwnLocale, getOwnProfile, saveOwnProfile } from "@/lib/profile/profile";
import { PROFILE_LIMITS, profileInputSchema } from "@/lib/profile/schemas";
import { fromZodIssue } from "@/lib/validation/issues";
import { createUser } from "@/prisma/factories";

afterAll(disconnectDb);

const valid = {
  displayName: "  Amina Diallo ",
  stakeholderGroup: "CIVIL_SOCIETY",
  region: "AFRICA",
  country: "sn",
  organisation: "",
  onBehalfOf: "West African Digital Rights Coalition",
  locale: "fr",
};

const errorsOf = (input: Record<string, unknown>) => {
  const result = profileInputSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), fromZodIssue(i)]));
};

describe("profile input", () => {
  it("trims, upper-cases the country and turns empty optional fields into null", () => {
    expect(profileInputSchema.parse(valid)).toEqual({
      displayName: "Amina Diallo",
      stakeholderGroup: "CIVIL_SOCIETY",
      region: "AFRICA",
      country: "SN",
      organisation: null,
      onBehalfOf: "West African Digital Rights Coalition",
      locale: "fr",
    });
  });

  it("names each bad field", () => {
    expect(errorsOf({ ...valid, displayName: "   " })).toEqual({ displayName: { code: "required", params: { min: 1 } } });
    expect(errorsOf({ ...valid, displayName: "x".repeat(PROFILE_LIMITS.displayName + 1) })).toEqual({
      displayName: { code: "tooLong", params: { max: PROFILE_LIMITS.displayName } },
    });
    expect(errorsOf({ ...valid, stakeholderGroup: "JOURNALISTS" })).toEqual({ stakeholderGroup: { code: "chooseGroup" } });
    expect(errorsOf({ ...valid, region: "" })).toEqual({ region: { code: "chooseRegion" } });
    expect(errorsOf({ ...valid, country: "XX" })).toEqual({ country: { code: "chooseCountry" } });
    expect(errorsOf({ ...valid, country: 42 })).toEqual({ country: { code: "chooseCountry" } });
    expect(errorsOf({ ...valid, organisation: "o".repeat(201) })).toEqual({
      organisation: { code: "tooLong", params: { max: 200 } },
    });
    for (const locale of ["de", "", "EN", 1])
      expect(errorsOf({ ...valid, locale })).toEqual({ locale: { code: "chooseLanguage" } });
  });
});

describe("saving one's own profile", () => {
  it("creates it on first save and updates it later, for the acting user only", async () => {
    const me = await createUser(db, { profile: null });
    const other = await createUser(db);
    const before = await getOwnProfile(other);

    expect(await getOwnLocale(me)).toBeNull();
    await saveOwnProfile(me, profileInputSchema.parse(valid));
    expect(await getOwnProfile(me)).toMatchObject({ displayName: "Amina Diallo", country: "SN" });
    expect(await getOwnLocale(me)).toBe("fr");

    await saveOwnProfile(me, profileInputSchema.parse({ ...valid, stakeholderGroup: "ACADEMIA", locale: "ar" }));
    expect(await getOwnProfile(me)).toMatchObject({ stakeholderGroup: "ACADEMIA" });
    expect(await getOwnLocale(me)).toBe("ar");
    // A form without the field (an older page) leaves the language as it is.
    await saveOwnProfile(me, profileInputSchema.parse({ ...valid, locale: undefined, organisation: "Kept" }));
    expect(await getOwnProfile(me)).toMatchObject({ organisation: "Kept" });
    expect(await getOwnLocale(me)).toBe("ar");
    expect(await getOwnProfile(other)).toEqual(before);
    expect(await getOwnLocale(other)).toBeNull();
  });
});
