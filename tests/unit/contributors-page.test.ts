// The pages of a call's named contributors (lib/responses/contributors-page.ts): 200 to a page, the page asked
// for by `?page=`, anything that is not a page number read as the first, a page past the end as the last.
import { describe, expect, it } from "vitest";
import { CONTRIBUTORS_PER_PAGE, contributorsPage } from "@/lib/responses/contributors-page";

const rows = Array.from({ length: 401 }, (_, i) => i + 1);

describe("the pages of named contributors", () => {
  it("shows 200 to a page and says which", () => {
    expect(CONTRIBUTORS_PER_PAGE).toBe(200);
    const first = contributorsPage(rows, undefined);
    expect(first).toMatchObject({ page: 1, pages: 3, from: 1, to: 200 });
    expect(first.rows).toEqual(rows.slice(0, 200));
    const second = contributorsPage(rows, "2");
    expect(second).toMatchObject({ page: 2, pages: 3, from: 201, to: 400 });
    expect(second.rows[0]).toBe(201);
    expect(contributorsPage(rows, "3")).toMatchObject({ page: 3, from: 401, to: 401, rows: [401] });
  });

  it("reads anything but a page number as the first page, and a page past the end as the last", () => {
    for (const asked of ["abc", "0", "-2", "2.5", "1e3", "", " 2", ["2", "3"], "9999999999"]) {
      expect(contributorsPage(rows, asked).page, String(asked)).toBe(1);
    }
    expect(contributorsPage(rows, "4").page).toBe(3);
    expect(contributorsPage(rows, "999999999").page).toBe(3);
  });

  it("has one empty page when nobody is named", () => {
    expect(contributorsPage([], "2")).toEqual({ rows: [], page: 1, pages: 1, from: 0, to: 0 });
    expect(contributorsPage([1, 2], "1", 2)).toMatchObject({ pages: 1, from: 1, to: 2 });
  });
});
