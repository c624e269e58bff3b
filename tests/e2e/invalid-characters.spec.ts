// Issue 11, item 2, as a person meets it: text with a NUL or a non-character in a form field gets a message
// next to that field and the rest of the form is kept (it was "Something went wrong" and an empty form), with
// and without JavaScript; nothing is saved.
import { db, expect, signInAs, test } from "./fixtures";

const MESSAGE = "This text contains characters that cannot be stored";

for (const javaScriptEnabled of [false, true]) {
  test(`a name with a NUL gets a field message and the form is kept (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const user = await signInAs(context, "STAKEHOLDER", { profile: false });
    const page = await context.newPage();
    await page.goto("/profile");
    await page.getByLabel("Name").fill("Amina\u0000 Diallo");
    await page.getByLabel("Stakeholder group").selectOption("ACADEMIA");
    await page.getByLabel("UN region").selectOption("AFRICA");
    await page.getByLabel("Country").selectOption("SN");
    await page.getByLabel("Organisation (optional)").fill("Dakar Digital Lab\uFFFF");
    await page.getByRole("button", { name: "Save profile" }).click();

    await expect(page.getByText(MESSAGE)).toHaveCount(2); // the name and the organisation
    await expect(page.getByLabel("Country")).toHaveValue("SN");
    await expect(page.getByLabel("Stakeholder group")).toHaveValue("ACADEMIA");
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    expect(await db.profile.findUnique({ where: { userId: user.id } })).toBeNull();

    await page.getByLabel("Name").fill("Amina Diallo");
    await page.getByLabel("Organisation (optional)").fill("Dakar Digital Lab");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Signed in as Amina Diallo")).toBeVisible();
    await context.close();
  });
}
