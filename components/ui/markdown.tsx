import { renderMarkdown } from "@/lib/markdown";

/** Moderator-written Markdown, rendered through the sanitizer in lib/markdown.ts (never raw). */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return <div className={className ?? "prose"} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
