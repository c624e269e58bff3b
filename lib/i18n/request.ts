import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isLocale, negotiateLocale } from "./config";
import { loadMessages } from "./messages";

export default getRequestConfig(async () => {
  const cookieLocale = (await cookies()).get("NEXT_LOCALE")?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale((await headers()).get("accept-language"));
  return {
    locale,
    messages: await loadMessages(locale),
    // Dates are shown in a call's own zone where one applies; elsewhere in UTC, labelled as such.
    timeZone: "UTC",
  };
});
