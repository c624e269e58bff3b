import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { FinalExtras, FinalNotice } from "@/components/messages/final-extras";
import { CommentLink, CommentsIntro } from "@/components/comments/comments-intro";
import { PublishedParagraph } from "@/components/messages/published-paragraph";
import { VersionBar } from "@/components/messages/version-bar";
import { Markdown } from "@/components/ui/markdown";
import { getPublishedMessageSet } from "@/lib/messages/public";
import { withClientMessages } from "@/components/i18n/client-messages";

type Props = { params: Promise<{ slug: string }> };

// A slug is at most 80 characters; anything longer is not looked up.
const load = cache((slug: string) => (slug.length <= 100 ? getPublishedMessageSet(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const set = await load(decodeURIComponent((await params).slug));
  return set ? { title: set.title } : {};
}

async function PublishedMessagesPage({ params }: Props) {
  const set = await load(decodeURIComponent((await params).slug));
  if (!set) notFound();
  const t = await getTranslations("PublicMessages");
  return (
    <>
      <h1>{set.title}</h1>
      <VersionBar set={set} />
      {set.call && (
        <p className="meta">
          {t.rich("fromCall", { link: () => <Link href={`/calls/${set.call!.slug}`}>{set.call!.title}</Link> })}
        </p>
      )}
      <FinalNotice set={set} />
      {set.introduction && <Markdown source={set.introduction} />}
      <CommentsIntro set={set} />
      {set.sections.map((section, index) => (
        <section key={`${index}-${section.heading}`} aria-labelledby={`section-${index + 1}`}>
          <h2 id={`section-${index + 1}`}>{section.heading}</h2>
          {section.paragraphs.length > 0 && (
            <ol start={section.paragraphs[0]!.number}>
              {section.paragraphs.map((paragraph) => (
                <PublishedParagraph key={paragraph.paragraphId} paragraph={paragraph}>
                  <CommentLink set={set} paragraph={paragraph} />
                </PublishedParagraph>
              ))}
            </ol>
          )}
        </section>
      ))}
      <FinalExtras set={set} />
    </>
  );
}

export default withClientMessages(["Deadline"], PublishedMessagesPage);
