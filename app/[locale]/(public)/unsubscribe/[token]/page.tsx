import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { UnsubscribeForm } from "@/components/notifications/unsubscribe-form";
import { orNotFound } from "@/lib/not-found";
import { kindSlug, parseKindSlug } from "@/lib/notifications/kinds";
import { findUnsubscribe } from "@/lib/notifications/settings";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Unsubscribe"))("title"), robots: { index: false } };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ kind?: string }> };

/** Opening the link changes nothing (mail scanners open links too); the button does. */
async function UnsubscribePage({ params, searchParams }: Props) {
  const { token } = await params;
  const kind = parseKindSlug((await searchParams).kind);
  if (!kind) notFound();
  const target = await orNotFound(findUnsubscribe(token, kind));
  const t = await getTranslations("Unsubscribe");
  const tKind = await getTranslations("NotificationKind");
  const what = tKind(kind);
  return (
    <>
      <h1>{t("title")}</h1>
      {target.off ? (
        <p className="notice ok" role="status">
          {kind === "all" ? t("doneAll") : t("done", { what })}
        </p>
      ) : (
        <UnsubscribeForm token={token} kind={kind === "all" ? null : kindSlug(kind)}>
          <p>{t("explain", { what })}</p>
          <p className="hint">{t("explainFor", { email: target.email })}</p>
        </UnsubscribeForm>
      )}
      <p>
        <Link href="/my/notifications">{t("settingsLink")}</Link>
      </p>
    </>
  );
}

export default withClientMessages(["Unsubscribe"], UnsubscribePage);
