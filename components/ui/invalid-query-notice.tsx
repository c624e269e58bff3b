// Says that the address's query string lost characters that cannot be searched for (NUL, lone surrogates,
// non-characters): proxy.ts removed them and marked the request, and the page shows what was left.
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { INVALID_QUERY_HEADER } from "@/lib/http/request-guard";

export async function InvalidQueryNotice() {
  if (!(await headers()).has(INVALID_QUERY_HEADER)) return null;
  const t = await getTranslations("Errors");
  return (
    <p className="notice error" role="alert">
      {t("invalidQuery")}
    </p>
  );
}
