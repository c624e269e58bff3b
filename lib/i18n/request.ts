import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, locales } from "./config";
import { loadMessages } from "./messages";

// The locale comes from the address ([locale] segment, set by proxy.ts's routing); anything else is English.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(locales, requested) ? requested : defaultLocale;
  return {
    locale,
    messages: await loadMessages(locale),
    // Dates are shown in a call's own zone where one applies; elsewhere in UTC, labelled as such.
    timeZone: "UTC",
  };
});
