import type { Metadata } from "next";
import { Link } from "@/lib/i18n/navigation";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { FinalExtras, FinalLogo, FinalNotice } from "@/components/messages/final-extras";
import { CommentLink, CommentsIntro } from "@/components/comments/comments-intro";
import { PublishedParagraph } from "@/components/messages/published-paragraph";
import { VersionBar } from "@/components/messages/version-bar";
import { Markdown } from "@/components/ui/markdown";
import { publicMessageSet } from "@/lib/cache/public-reads";
import { withClientMessages } from "@/components/i18n/client-messages";
import { ContentLanguageNote, langProps } from "@/components/i18n/content-language";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// A slug is at most 80 characters; anything longer is not looked up. `original`: the text as written, not
// its translation into the page's language.
const load = cache(async (slug: string, original: boolean) =>
  slug.length <= 100 ? publicMessageSet(slug, original ? undefined : await getLocale()) : null,
);
const wantsOriginal = async (searchParams: Props["searchParams"]) => (await searchParams).original === "1";

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const set = await load(decodeURIComponent((await params).slug), await wantsOriginal(searchParams));
  return set ? { title: set.title } : {};
}

async function PublishedMessagesPage({ params, searchParams }: Props) {
  const original = await wantsOriginal(searchParams);
  const set = await load(decodeURIComponent((await params).slug), original);
  if (!set) notFound();
  const t = await getTranslations("PublicMessages");
  const locale = await getLocale();
  const page = `/messages/${encodeURIComponent(set.slug)}`;
  const translated = original && (await load(set.slug, false))?.language.translated;
  return (
    <>
      <FinalLogo set={set} />
      <h1 {...langProps(set.lang, locale)}>{set.title}</h1>
      <ContentLanguageNote
        language={set.language}
        originalHref={`${page}?original=1`}
        translatedHref={translated ? page : undefined}
      />
      <VersionBar set={set} />
      {set.call && (
        <p className="meta">
          {t.rich("fromCall", { link: () => <Link href={`/calls/${set.call!.slug}`}>{set.call!.title}</Link> })}
        </p>
      )}
      <FinalNotice set={set} />
      {set.introduction && (
        <div {...langProps(set.lang, locale)}>
          <Markdown source={set.introduction} />
        </div>
      )}
      <CommentsIntro set={set} />
      {set.sections.map((section, index) => (
        <section key={`${index}-${section.heading}`} aria-labelledby={`section-${index + 1}`}>
          <h2 id={`section-${index + 1}`} {...langProps(section.lang, locale)}>
            {section.heading}
          </h2>
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
