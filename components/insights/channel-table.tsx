// How a call's contributions arrived (lib/intake/channels.ts): through the form or recorded by a moderator
// from an email, a mailing list, a session or a letter, with the sessions' speakers by group. Moderators only.
import { getTranslations } from "next-intl/server";
import type { ChannelCounts } from "@/lib/intake/channels";
import { CHANNELS } from "@/lib/intake/channels";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";

export async function ChannelTable({ counts }: { counts: ChannelCounts }) {
  const t = await getTranslations("Participation");
  const tChannel = await getTranslations("Channel");
  const tGroup = await getTranslations("StakeholderGroup");
  const total = CHANNELS.reduce((sum, channel) => sum + counts.byChannel[channel], 0);
  const speakers = STAKEHOLDER_GROUPS.filter((group) => counts.speakers[group] > 0);
  return (
    <>
      <table className="participation">
        <caption>{t("byChannelCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("channel")}</th>
            <th scope="col">{t("responsesColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {CHANNELS.map((channel) => (
            <tr key={channel}>
              <th scope="row">{tChannel(channel)}</th>
              <td>{counts.byChannel[channel]}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("sum")}</th>
            <td>{total}</td>
          </tr>
        </tfoot>
      </table>
      {speakers.length > 0 && (
        <p>
          {tChannel("speakers", {
            list: speakers
              .map((group) => tChannel("speakersOfGroup", { group: tGroup(group), count: counts.speakers[group] }))
              .join(", "),
          })}
        </p>
      )}
    </>
  );
}
