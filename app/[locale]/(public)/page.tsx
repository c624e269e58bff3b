import { getLocale, getTranslations } from "next-intl/server";
import { CallCard } from "@/components/calls/call-card";
import { HomeCycle } from "@/components/messages/home-cycle";
import { publicForumsWithCalls } from "@/lib/cache/public-reads";
import { withClientMessages } from "@/components/i18n/client-messages";

async function HomePage({ searchParams }: { searchParams: Promise<{ signedOut?: string }> }) {
  const t = await getTranslations("Home");
  const tSignOut = await getTranslations("SignOut");
  const { signedOut } = await searchParams;
  const forums = await publicForumsWithCalls(await getLocale());

  return (
    <>
      {signedOut && (
        <p className="notice ok" role="status">
          {tSignOut("done")}
        </p>
      )}
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {forums.length === 0 && <p>{t("noForums")}</p>}
      {forums.map((forum) => {
        const open = forum.calls.filter((call) => call.status === "OPEN");
        const others = forum.calls.filter((call) => call.status !== "OPEN");
        return (
          <section key={forum.id} aria-labelledby={`forum-${forum.slug}`}>
            <h2 id={`forum-${forum.slug}`}>{forum.name}</h2>
            {forum.description && <p>{forum.description}</p>}
            <h3>{t("openCalls")}</h3>
            {open.length === 0 ? (
              <p>{t("noOpenCalls")}</p>
            ) : (
              <ul className="card-list">
                {open.map((call) => (
                  <CallCard key={call.id} call={call} />
                ))}
              </ul>
            )}
            {others.length > 0 && (
              <>
                <h3>{t("otherCalls")}</h3>
                <ul className="card-list">
                  {others.map((call) => (
                    <CallCard key={call.id} call={call} />
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
      <HomeCycle />
    </>
  );
}

export default withClientMessages(["Deadline"], HomePage);
