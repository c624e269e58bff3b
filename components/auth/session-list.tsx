import { getTranslations } from "next-intl/server";
import { LocalDate } from "@/components/ui/local-date";
import type { OwnSession } from "@/lib/auth/sessions";
import { EndOtherSessionsForm } from "./end-other-sessions-form";

/** "Your sessions": where the account is signed in, this device first named, and a way to end the others. */
export async function SessionList({ sessions }: { sessions: OwnSession[] }) {
  const t = await getTranslations("Sessions");
  // In UTC (an account has no zone of its own), and in the reader's zone beside it.
  const when = (date: Date) => <LocalDate date={date} timeZone="UTC" reader />;
  const others = sessions.filter((session) => !session.current).length;
  return (
    <section aria-labelledby="sessions-heading" id="sessions">
      <h2 id="sessions-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <ul>
        {sessions.map((session) => {
          const [browser, system] = (session.device ?? "/").split("/");
          return (
            <li key={session.id}>
              <strong>
                {browser || system
                  ? t("device", { browser: browser || t("unknownBrowser"), system: system || t("unknownSystem") })
                  : t("unknownDevice")}
              </strong>
              {session.current && <> ({t("thisDevice")})</>}
              <br />
              {t.rich("times", { started: () => when(session.createdAt), used: () => when(session.lastSeenAt) })}
            </li>
          );
        })}
      </ul>
      <EndOtherSessionsForm others={others} />
    </section>
  );
}
