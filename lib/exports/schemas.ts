// What an export URL may ask for: "<dataset>.<format>", e.g. "responses.csv". Pure (used by the tests).
// Comments: when public comments exist, their dataset ("comments": one row per comment, with the
// paragraph it cites and the moderators' disposition) is added to MODERATOR_DATASETS (and, for published
// comments, PUBLIC_DATASETS) and given a reader in ./datasets.ts; routes and the exports page follow the lists.
import { Invalid, NotFound } from "@/lib/errors";
import type { ExportFormat } from "./stream";

export const MODERATOR_DATASETS = ["responses", "excerpts", "message-sets"] as const;
/** Excerpts, notes and tags are moderators' working material: never exported publicly. */
export const PUBLIC_DATASETS = ["responses", "message-sets"] as const;
export const EXPORT_FORMATS = ["csv", "json"] as const satisfies readonly ExportFormat[];

export type ModeratorDataset = (typeof MODERATOR_DATASETS)[number];
export type PublicDataset = (typeof PUBLIC_DATASETS)[number];

const MAX_FILE_LENGTH = 100;

/** The dataset and format named by `file`: unknown dataset → NotFound, known dataset in another format → Invalid. */
export function parseExportFile<D extends string>(file: string, datasets: readonly D[]): { dataset: D; format: ExportFormat } {
  const dot = file.indexOf(".");
  const dataset = (dot < 0 ? file : file.slice(0, dot)) as D;
  if (file.length > MAX_FILE_LENGTH || !datasets.includes(dataset)) throw NotFound("exportNotFound");
  const format = dot < 0 ? "" : file.slice(dot + 1).toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw Invalid("exportFormat");
  return { dataset, format: format as ExportFormat };
}
