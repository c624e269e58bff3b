// /developers/api — the open data API for people, generated from the same OpenAPI document the API serves.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ApiOperation } from "@/components/api-docs/api-operation";
import styles from "@/components/api-docs/api-docs.module.css";
import { Markdown } from "@/components/ui/markdown";
import { apiDescription, apiTags, operationViews } from "@/lib/api/openapi-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DevelopersApi");
  return { title: t("title") };
}

const tagId = (name: string) => `tag-${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** The address curl examples use: this site as the visitor reached it. */
async function siteOrigin() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto")?.split(",")[0] ?? "http";
  return `${proto}://${host}`;
}

export default async function DevelopersApiPage() {
  const t = await getTranslations("DevelopersApi");
  const origin = await siteOrigin();
  const operations = operationViews();
  const documentUrl = "/api/v1/openapi.json";
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p>
        {t.rich("document", {
          url: documentUrl,
          link: (chunks) => (
            <a href={documentUrl}>
              <code>{chunks}</code>
            </a>
          ),
        })}
      </p>
      <p>{t("tryIt")}</p>
      <pre className={styles.example} tabIndex={0} aria-label={t("tryIt")}>
        <code>{`curl -i '${origin}/api/v1/calls?status=OPEN'`}</code>
      </pre>

      <nav aria-labelledby="api-contents">
        <h2 id="api-contents">{t("contents")}</h2>
        <ul className={styles.contents}>
          {operations.map((operation) => (
            <li key={operation.id}>
              <a href={`#${operation.id}`}>{operation.summary}</a> <code>{operation.path}</code>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="api-guide">
        <h2 id="api-guide">{t("guide")}</h2>
        <Markdown source={apiDescription().replace(/^## /gm, "### ")} />
      </section>

      <section aria-labelledby="api-endpoints">
        <h2 id="api-endpoints">{t("endpoints")}</h2>
        {apiTags().map((tag) => (
          <section key={tag.name} aria-labelledby={tagId(tag.name)}>
            <h3 id={tagId(tag.name)}>{tag.name}</h3>
            <p>{tag.description}</p>
            {operations
              .filter((operation) => operation.tag === tag.name)
              .map((operation) => (
                <ApiOperation key={operation.id} operation={operation} origin={origin} />
              ))}
          </section>
        ))}
      </section>
    </>
  );
}
