// A message set's address is made from its title: "IGF 2026 messages – Security, Safety…" becomes
// "igf-2026-messages-security-safety…". Pure.
const MAX = 80;

export function slugFromTitle(title: string) {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX)
    .replace(/-+$/, "");
  return slug || "messages";
}

/** The first of slug, slug-2, slug-3, … not in `taken`. */
export function freeSlug(base: string, taken: ReadonlySet<string>) {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base.slice(0, MAX - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
