import { notFound } from "next/navigation";

// Any address no page matches, in any language: the site's own not-found page (app/[locale]/not-found.tsx),
// in the reader's language and inside the layout, with status 404.
export default function UnknownPage() {
  notFound();
}
