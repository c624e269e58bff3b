// One page of a call's named contributors. The contributors page lists them CONTRIBUTORS_PER_PAGE at a time in
// alphabetical order (at 100,000 responses a call has 40,000 named contributors: one page of them all would be
// tens of megabytes of HTML; 200 rows are about 170 KB), and the final messages page shows the first page with a
// link to the rest.
export const CONTRIBUTORS_PER_PAGE = 200;

export type ContributorsPage<T> = {
  rows: T[];
  /** 1-based; the last page when the one asked for is past it. */
  page: number;
  pages: number;
  /** The 1-based positions of the first and last rows shown (0 and 0 when there are none). */
  from: number;
  to: number;
};

/** The page `?page=` asks for: the first when missing or not a whole number, the last when past the end. */
export function contributorsPage<T>(
  rows: readonly T[],
  asked: string | string[] | undefined,
  perPage = CONTRIBUTORS_PER_PAGE,
): ContributorsPage<T> {
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const wanted = typeof asked === "string" && /^\d{1,9}$/.test(asked) ? Number(asked) : 1;
  const page = Math.min(Math.max(wanted, 1), pages);
  const start = (page - 1) * perPage;
  const shown = rows.slice(start, start + perPage);
  return { rows: shown, page, pages, from: shown.length ? start + 1 : 0, to: start + shown.length };
}
