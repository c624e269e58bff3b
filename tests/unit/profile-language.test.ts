// A person's language, through the real actions on the real database: the profile form's and the language
// switcher's. Only what Next.js gives a request is stubbed (who is signed in, as lib/auth/session.ts answers
// it, the page's locale, the cookie jar, revalidation); the actions' parsing, refusals and the database writes
// are the real ones.
import { createTranslator } from "next-intl";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { db, disconnectDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import errors from "@/lib/i18n/messages/en/errors.json";
import { saveLanguageAction, saveProfileAction } from "@/lib/profile/actions";
import { createUser } from "@/prisma/factories";

const request = vi.hoisted(() => ({
  user: null as SessionUser | null,
  locale: "en",
  cookies: new Map<string, string>(),
}));
vi.mock("@/lib/auth/session", async (original) => {
  const { Forbidden, Unauthenticated } = await import("@/lib/errors");
  const { hasRole } = await import("@/lib/auth/roles");
  return {
    ...(await original<typeof import("@/lib/auth/session")>()),
    getSessionUser: async () => request.user,
    authorize: async (role: Role = "STAKEHOLDER") => {
      if (!request.user) throw Unauthenticated();
      if (!hasRole(request.user.role, role)) throw Forbidden();
      return request.user;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: ({ name, value }: { name: string; value: string }) => request.cookies.set(name, value) }),
  headers: async () => new Headers(),
}));
vi.mock("next-intl/server", () => ({
  getLocale: async () => request.locale,
  getTranslations: async (namespace: "Errors") => createTranslator({ locale: "en", messages: errors, namespace }),
}));

afterAll(disconnectDb);
beforeEach(() => {
  request.user = null;
  request.locale = "en";
  request.cookies.clear();
});

async function signedIn(locale: string | null = null) {
  const user = await createUser(db);
  if (locale) await db.user.update({ where: { id: user.id }, data: { locale } });
  request.user = { id: user.id, email: user.email, name: null, role: "STAKEHOLDER", forums: {}, hasProfile: true };
  return user;
}

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};

const profile = (locale: string) =>
  form({
    displayName: "Amina Diallo",
    stakeholderGroup: "CIVIL_SOCIETY",
    region: "AFRICA",
    country: "SN",
    organisation: "",
    onBehalfOf: "",
    locale,
    callbackUrl: "",
  });

const localeOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).locale;

/** Where a redirect() thrown by an action goes. */
const redirectOf = (error: unknown) => String((error as { digest?: string }).digest ?? "").split(";")[2];

describe("the profile's language", () => {
  it("is saved with the profile", async () => {
    const user = await signedIn();
    request.locale = "es";
    expect(await saveProfileAction(null, profile("es"))).toEqual({ ok: true, data: null });
    expect(await localeOf(user.id)).toBe("es");
  });

  it("switches the site to a language other than the page's: the cookie, and the profile page in it", async () => {
    const user = await signedIn("en");
    const error = await saveProfileAction(null, profile("fr")).catch((thrown: unknown) => thrown);
    expect(redirectOf(error)).toBe("/fr/profile");
    expect(request.cookies.get("NEXT_LOCALE")).toBe("fr");
    expect(await localeOf(user.id)).toBe("fr");
  });

  it("goes on to where the person was going, in their language", async () => {
    await signedIn();
    const values = profile("ar");
    values.set("callbackUrl", "/es/calls/x?y=1");
    const error = await saveProfileAction(null, values).catch((thrown: unknown) => thrown);
    expect(redirectOf(error)).toBe("/ar/calls/x?y=1");
  });

  it("refuses a language that is not one of the six, with a field error, and keeps the old one", async () => {
    const user = await signedIn("ru");
    for (const locale of ["de", "", "fr-CA"]) {
      const answer = await saveProfileAction(null, profile(locale));
      expect(answer).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { locale: [errors.Errors.chooseLanguage] },
      });
    }
    expect(await localeOf(user.id)).toBe("ru");
    expect(await db.profile.findUnique({ where: { userId: user.id }, select: { displayName: true } })).not.toMatchObject({
      displayName: "Amina Diallo",
    });
  });
});

describe("the language switcher, signed in", () => {
  it("saves the person's choice as their language", async () => {
    const user = await signedIn("en");
    expect(await saveLanguageAction(null, form({ locale: "zh" }))).toMatchObject({ ok: true, data: { locale: "zh" } });
    expect(await localeOf(user.id)).toBe("zh");
  });

  it("refuses anything else, and a visitor", async () => {
    const user = await signedIn("es");
    expect(await saveLanguageAction(null, form({ locale: "klingon" }))).toMatchObject({
      ok: false,
      fieldErrors: { locale: [errors.Errors.chooseLanguage] },
    });
    request.user = null;
    expect(await saveLanguageAction(null, form({ locale: "fr" }))).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await localeOf(user.id)).toBe("es");
  });
});
