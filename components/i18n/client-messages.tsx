// The catalog namespaces a page's client components use, and no others, for the browser: a page's HTML
// carries the messages of its interactive parts, not the whole catalog (~80 KB in English). Each page (and
// the root layout) wraps what it renders in one ClientMessages naming those namespaces;
// tests/unit/client-messages.test.ts follows every page's imports to its client components and fails when
// the list lacks or has one too many.
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

export async function ClientMessages({ namespaces, children }: { namespaces: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  const picked = Object.fromEntries(namespaces.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}

/** A page wrapped in ClientMessages: `export default withClientMessages(["ResponseForm", "Errors"], RespondPage);`. */
export function withClientMessages<P extends object>(
  namespaces: readonly string[],
  Page: (props: P) => ReactNode | Promise<ReactNode>,
) {
  return async function PageWithMessages(props: P) {
    return <ClientMessages namespaces={namespaces}>{await Page(props)}</ClientMessages>;
  };
}
