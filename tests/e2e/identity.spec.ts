// Identity is explicit (issue 16, item 4): the receipt and "My contributions" show what a response is
// filed under; the profile refuses a region that is not the country's UN region unless "on behalf of"
// explains it; an edit after a profile change asks which identity to file under, and stores the choice.
import { createCall, createQuestion } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAs, test } from "./fixtures";

test("a profile change followed by an edit asks which identity to file under, and stores the choice", async ({
  context,
  page,
}) => {
  const call = await createCall(db);
  await createQuestion(db, {
    callId: call.id,
    type: "LONG_TEXT",
    required: true,
    maxLength: 2000,
    prompt: "What norms matter in your community?",
  });
  const me = await signInAs(context); // Civil Society, Africa, Kenya
  await page.goto(`/calls/${call.slug}/respond`);
  await page.getByLabel(/What norms matter/).fill("Community networks");
  await page.getByLabel("Do not publish").check();
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page).toHaveURL(/\/my\/responses\//);
  const filed = page.getByRole("region", { name: "Filed under" });
  await expect(filed).toContainText("Civil Society");
  await expect(filed).toContainText("Africa");
  await expect(filed).toContainText("Kenya");

  // The profile: a region that is not the country's is refused, unless "on behalf of" explains it.
  await page.goto("/profile");
  await page.getByLabel("Stakeholder group").selectOption({ label: "Government" });
  await page.getByLabel("UN region").selectOption({ label: "Western Europe and Others" });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("This region is not the UN region of the country you chose.")).toBeVisible();
  await page.getByLabel("Country").selectOption({ label: "France" });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile has been saved.")).toBeVisible();

  // The edit shows both identities and needs a choice.
  await page.goto(`/calls/${call.slug}/respond`);
  const choice = page.getByRole("group", { name: "Which identity should this response be filed under?" });
  await expect(choice).toContainText("Civil Society");
  await expect(choice).toContainText("Government");
  await expectAccessible(page);
  await page.getByLabel(/What norms matter/).fill("Community networks, and spectrum");
  await page.getByRole("button", { name: "Submit changes" }).click();
  await expect(choice.getByText("Choose which identity to file your response under.")).toBeVisible();
  const before = await db.response.findFirstOrThrow({
    where: { callId: call.id, authorId: me.id },
    select: { version: true, stakeholderGroup: true },
  });
  expect(before).toEqual({ version: 1, stakeholderGroup: "CIVIL_SOCIETY" });

  await choice.getByLabel("File it under my profile now").check();
  await page.getByRole("button", { name: "Submit changes" }).click();
  await expect(page).toHaveURL(/\/my\/responses\//);
  await expect(page.getByRole("region", { name: "Filed under" })).toContainText("Government");
  expect(
    await db.response.findFirstOrThrow({
      where: { callId: call.id, authorId: me.id },
      select: { version: true, stakeholderGroup: true, region: true, country: true },
    }),
  ).toEqual({ version: 2, stakeholderGroup: "GOVERNMENT", region: "WESTERN_EUROPE_OTHERS", country: "FR" });

  await page.goto("/my/contributions");
  await expect(page.getByRole("row").filter({ hasText: call.title })).toContainText(
    "Filed under: Government · Western Europe and Others",
  );
});
