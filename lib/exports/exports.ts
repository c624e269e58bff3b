// Opening an export: who may have it (the facilitators of the call's forum, and administrators; not its
// observers), which call, which rows. Every check happens here, before the first
// byte is sent, so a refusal is a clean 401/403/404/400; the returned stream then reads rows on demand.
// A facilitator's download is recorded in the audit log (it carries personal data: names, countries, private
// answers); the public exports hold published data only and are not recorded.
import "server-only";
import { recordAuditNow } from "@/lib/audit/record";
import { forumOf } from "@/lib/auth/forum-of";
import { authorize, authorizeIn } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { getPublicCallSummary } from "@/lib/responses/public";
import { moderatorExcerpts } from "./excerpts";
import { moderatorMessageSets, publicMessageSets } from "./message-sets";
import { moderatorResponses, publicResponses, type ReadOptions } from "./responses";
import { MODERATOR_DATASETS, parseExportFile, PUBLIC_DATASETS, type ModeratorDataset, type PublicDataset } from "./schemas";
import { exportStream, type Dataset, type ExportFormat } from "./stream";

export type OpenedExport = { fileName: string; contentType: string; body: ReadableStream<Uint8Array> };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/** The check before exporting a call's data: a call of a forum the actor has no part in is an unknown call. */
async function authorizeExport(actor: SessionUser | null, callId: string): Promise<SessionUser> {
  authorize(actor, "exports.download");
  return authorizeIn(actor, "exports.download", await forumOf(db, "call", callId), "callNotFound");
}

async function moderatorCall(callId: string) {
  const call = await db.call.findUnique({
    where: { id: callId },
    select: {
      id: true,
      slug: true,
      title: true,
      questions: { orderBy: { position: "asc" }, select: { id: true, position: true, prompt: true, type: true } },
    },
  });
  if (!call) throw NotFound("callNotFound");
  return call;
}

/** The dataset of a call as a moderator sees it (the tests read it directly). */
export async function moderatorDataset(
  actor: SessionUser | null,
  callId: string,
  dataset: ModeratorDataset,
  options?: ReadOptions,
) {
  await authorizeExport(actor, callId);
  return readDataset(callId, dataset, options);
}

async function readDataset(callId: string, dataset: ModeratorDataset, options?: ReadOptions) {
  const call = await moderatorCall(callId);
  const readers: Record<ModeratorDataset, () => Dataset> = {
    responses: () => moderatorResponses(call.id, call.questions, options),
    excerpts: () => moderatorExcerpts(call.id, options),
    "message-sets": () => moderatorMessageSets(call.id, options),
  };
  return { call, dataset: readers[dataset]() };
}

/** The published part of a call's dataset; an unknown or unpublished call is NotFound. */
export async function publicDataset(slug: string, dataset: PublicDataset, options: ReadOptions = {}) {
  const now = options.now ?? new Date();
  const summary = await getPublicCallSummary(slug, now);
  if (!summary) throw NotFound("callNotFound");
  const questions = await db.question.findMany({
    where: { callId: summary.id },
    orderBy: { position: "asc" },
    select: { id: true, position: true, prompt: true, type: true },
  });
  const readers: Record<PublicDataset, () => Dataset> = {
    responses: () => publicResponses(summary.id, questions, { ...options, now }),
    "message-sets": () => publicMessageSets(summary.id, { ...options, now }),
  };
  return { call: summary, dataset: readers[dataset]() };
}

const day = () => new Date().toISOString().slice(0, 10);

/** GET /api/moderation/calls/<id>/export/<file>: checks, audit entry, then the stream. */
export async function openModeratorExport(actor: SessionUser | null, callId: string, file: string): Promise<OpenedExport> {
  const user = await authorizeExport(actor, callId);
  const { dataset: name, format } = parseExportFile(file, MODERATOR_DATASETS);
  const { call, dataset } = await readDataset(callId, name);
  await recordAuditNow({
    actor: { id: user.id, role: user.role },
    action: "export.download",
    itemType: "call",
    itemId: call.id,
    callId: call.id,
    after: { dataset: name, format },
  });
  return {
    fileName: `${call.slug}-${name}-${day()}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: exportStream(dataset, format),
  };
}

/** GET /api/calls/<slug>/export/<file>: published data only. */
export async function openPublicExport(slug: string, file: string): Promise<OpenedExport> {
  const { dataset: name, format } = parseExportFile(file, PUBLIC_DATASETS);
  const { call, dataset } = await publicDataset(slug, name);
  return {
    fileName: `${call.slug}-published-${name}-${day()}.${format}`,
    contentType: CONTENT_TYPES[format],
    body: exportStream(dataset, format),
  };
}

/** What the exports page lists: each dataset with the number of rows it has now. */
export async function listModeratorExports(actor: SessionUser, callId: string) {
  await authorizeExport(actor, callId);
  const call = await db.call.findUnique({
    where: { id: callId },
    select: { id: true, forumId: true, slug: true, title: true, publishedAt: true },
  });
  if (!call) throw NotFound("callNotFound");
  const [responses, excerpts, citations, bareParagraphs] = await Promise.all([
    db.response.count({ where: { callId, status: { in: ["SUBMITTED", "WITHDRAWN"] }, submittedAt: { not: null } } }),
    db.excerpt.count({ where: { response: { callId } } }),
    db.citation.count({ where: { paragraph: { set: { callId } } } }),
    db.messageParagraph.count({ where: { set: { callId }, citations: { none: {} } } }),
  ]);
  const rows: Record<ModeratorDataset, number> = { responses, excerpts, "message-sets": citations + bareParagraphs };
  return { call, datasets: MODERATOR_DATASETS.map((dataset) => ({ dataset, rows: rows[dataset] })) };
}
