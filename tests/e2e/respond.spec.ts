// A stakeholder responds to a call: autosaved draft, restored on return, attachment, submission with a
// receipt (on screen and by email), idempotent submit, other users refused, the deadline kept by the server.
import { createCall, createQuestion } from "@/prisma/factories";
import { db, expect, expectAccessible, signInAs, test, waitForMail } from "./fixtures";

async function callWithQuestions() {
  const call = await createCall(db);
  const text = await createQuestion(db, {
    callId: call.id,
    type: "LONG_TEXT",
    required: true,
    maxLength: 2000,
    prompt: "What norms matter in your community?",
  });
  const choice = await createQuestion(db, {
    callId: call.id,
    type: "SINGLE_CHOICE",
    options: ["Yes", "No"],
    prompt: "Do you take part in norms discussions?",
  });
  return { call, text, choice };
}

const minimalPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test("text typed while the server cannot be reached is kept in the browser and saved when it can be", async ({
  context,
  page,
}) => {
  const { call, text } = await callWithQuestions();
  const me = await signInAs(context);
  await page.goto(`/calls/${call.slug}/respond`);
  const answer = page.getByLabel(/What norms matter/);
  await answer.fill("A first sentence");
  await expect(page.getByRole("status").filter({ hasText: /Draft saved at \d/ })).toBeVisible();

  // The server becomes unreachable for saves (pages still load, as on a flaky connection).
  await page.route("**/*", (route) => {
    const request = route.request();
    const isSave = request.method() === "POST" && Boolean(request.headers()["next-action"]);
    return isSave ? route.abort() : route.continue();
  });
  await answer.fill("A first sentence, and a second written on a train");
  await expect(page.getByText("Your text is kept in this browser")).toBeVisible();

  await page.reload(); // the newer copy in the browser wins over the server's older draft
  await expect(page.getByLabel(/What norms matter/)).toHaveValue("A first sentence, and a second written on a train");

  await page.unroute("**/*");
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByRole("status").filter({ hasText: /Draft saved at \d/ })).toBeVisible();
  const response = await db.response.findFirstOrThrow({ where: { callId: call.id, authorId: me.id }, select: { id: true } });
  expect(
    await db.answer.findFirstOrThrow({ where: { responseId: response.id, questionId: text.id }, select: { text: true } }),
  ).toEqual({ text: "A first sentence, and a second written on a train" });
});

test("a stakeholder drafts, returns, attaches a file, submits once and gets a receipt", async ({ context, page, browser }) => {
  const { call, text } = await callWithQuestions();
  const me = await signInAs(context);
  await page.goto(`/calls/${call.slug}/respond`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(call.title);
  await expectAccessible(page);

  const answer = page.getByLabel(/What norms matter/);
  const [saveRequest] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    answer.fill("Open, multistakeholder processes"),
  ]);
  await expect(page.getByRole("status").filter({ hasText: /Draft saved at \d/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(/What norms matter/)).toHaveValue("Open, multistakeholder processes");

  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "submission.pdf", mimeType: "application/pdf", buffer: minimalPdf });
  await expect(page.getByRole("link", { name: "submission.pdf" })).toBeVisible();

  await page.getByLabel("Publish without my name").check();
  await page.getByLabel(/Publish my files/).check();
  const submit = page.getByRole("button", { name: "Submit response" });
  const [request] = await Promise.all([
    page.waitForRequest(
      (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]) && (r.postData() ?? "").includes("submit"),
    ),
    submit.dblclick(),
  ]);
  await expect(page).toHaveURL(/\/my\/responses\//);
  const reference = (await page.locator(".reference").textContent())!.trim();
  expect(reference).toMatch(/^[A-Z0-9]+-\d{4}$/);
  await expectAccessible(page);
  const mail = await waitForMail(me.email);
  expect(mail.subject).toContain(reference);

  // The same submit request replayed: still one response and one version.
  const replay = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
  await context.request.fetch(request.url(), { method: "POST", headers: replay.headers, data: replay.body });
  const response = await db.response.findFirstOrThrow({
    where: { callId: call.id, authorId: me.id },
    select: { id: true, version: true },
  });
  expect(response.version).toBe(1);
  expect(await db.responseVersion.count({ where: { responseId: response.id } })).toBe(1);
  expect(
    await db.attachment.findMany({ where: { responseId: response.id }, select: { fileName: true, mediaType: true } }),
  ).toEqual([{ fileName: "submission.pdf", mediaType: "application/pdf" }]);

  // Another stakeholder: 404 on the receipt, and the replayed request changes nothing.
  const otherContext = await browser.newContext();
  await signInAs(otherContext);
  const other = await otherContext.newPage();
  expect((await other.goto(`/my/responses/${response.id}`))?.status()).toBe(404);
  delete replay.headers.cookie;
  const answerText = await otherContext.request.fetch(request.url(), {
    method: "POST",
    headers: replay.headers,
    data: replay.body,
  });
  expect(await answerText.text()).toContain("does not exist or is not available to you");
  const saveHeaders = await saveRequest.allHeaders();
  delete saveHeaders.cookie;
  const saveAnswer = await otherContext.request.fetch(saveRequest.url(), {
    method: "POST",
    headers: saveHeaders,
    data: saveRequest.postDataBuffer()!,
  });
  expect(await saveAnswer.text()).toContain("does not exist or is not available to you");
  expect((await db.response.findUniqueOrThrow({ where: { id: response.id }, select: { version: true } })).version).toBe(1);
  expect(
    await db.answer.findFirstOrThrow({ where: { responseId: response.id, questionId: text.id }, select: { text: true } }),
  ).toEqual({ text: "Open, multistakeholder processes" });
  await otherContext.close();

  await page.goto("/my/contributions");
  await expect(page.getByRole("row").filter({ hasText: call.title })).toContainText(reference);
  await expectAccessible(page);
});

test("after the deadline the server refuses the submission with a clear message", async ({ context, page }) => {
  const { call } = await callWithQuestions();
  await signInAs(context);
  await page.goto(`/calls/${call.slug}/respond`);
  await page.getByLabel(/What norms matter/).fill("Too late, as it turns out");
  await page.getByLabel("Do not publish").check();
  await db.call.update({ where: { id: call.id }, data: { closesAt: new Date(Date.now() - 1000) } });
  await page.getByRole("button", { name: "Submit response" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The deadline of this call has passed" })).toBeVisible();
  await page.reload();
  await expect(page.getByText(/This call closed/)).toBeVisible();
});
