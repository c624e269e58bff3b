import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { CallEditor } from "@/components/calls/call-editor";
import { requirePermission } from "@/lib/auth/session";
import { listForums } from "@/lib/calls/manage";
import type { CallFormValues } from "@/lib/calls/schemas";
import { timeZones } from "@/lib/calls/time";
import { createCallAction } from "@/lib/calls/actions";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("CallEditor"))("newTitle") };
}

async function NewCallPage() {
  const user = await requirePermission("calls.manage", { returnTo: "/moderation/calls/new" });
  const t = await getTranslations("CallEditor");
  const forums = await listForums(user);
  const defaults: CallFormValues = {
    forumId: forums.length === 1 ? forums[0]!.id : "",
    title: "",
    slug: "",
    referencePrefix: "",
    thematicTrack: "",
    introduction: "",
    timeZone: "UTC",
    opensAt: "",
    closesAt: "",
    moderationMode: "POST",
    reportThreshold: "3",
    questions: [
      {
        questionId: "",
        prompt: "",
        helpText: "",
        type: "LONG_TEXT",
        required: false,
        minLength: "",
        maxLength: "",
        options: "",
        maxChoices: "",
      },
    ],
    glossary: [],
  };
  return (
    <>
      <p>
        <Link href="/moderation">{t("back")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <p className="lead">{t("newIntro")}</p>
      <CallEditor action={createCallAction} defaults={defaults} forums={forums} timeZones={timeZones()} />
    </>
  );
}

export default withClientMessages(["CallEditor", "CallModeration", "EditConflict", "Errors", "QuestionType"], NewCallPage);
