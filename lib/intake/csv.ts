// Several contributions at once from a CSV file (UTF-8, comma-separated, a header row): checked whole
// first, every row against the same schema as the one-by-one form (./schemas.ts), and saved only when every
// row is valid, all in one transaction, so an import is all or nothing. The moderator sees a preview with
// the errors of each row (its line in the file and its column) before anything is saved.
//
// Columns (header names, any order, case-insensitive; only `channel`, `received_on`, `name` and `consent`
// are required, an empty cell is "not given"):
//   channel            EMAIL, MAILING_LIST, SESSION or LETTER
//   received_on        the day it was received, YYYY-MM-DD, today or earlier
//   name               the person's name as received, or the session's title
//   email              the person's address: their account, or one made for them (not for a session)
//   organisation, on_behalf_of, country (ISO code, e.g. KE)
//   stakeholder_group  GOVERNMENT, CIVIL_SOCIETY, PRIVATE_SECTOR, TECHNICAL_COMMUNITY, INTERGOVERNMENTAL, ACADEMIA
//   region             AFRICA, ASIA_PACIFIC, EASTERN_EUROPE, LATIN_AMERICA_CARIBBEAN, WESTERN_EUROPE_OTHERS
//   consent            PUBLISH_NAMED, PUBLISH_ANONYMOUS or PRIVATE, as the person stated it
//   language           en, fr, es, ru, zh or ar (empty: the call's language)
//   q1, q2, …          the answer to question 1, 2, … (several choices separated by " | ")
//   speakers_government, speakers_civil_society, …  a session's number of speakers of each group
// Limits: 800 kB (a form post is refused above 1 MB, and the checked file is posted again to import it), 500 rows.
import "server-only";
import { CsvError, parse } from "csv-parse/sync";
import type { SessionUser } from "@/lib/auth/session";
import { queueCampaignRecompute } from "@/lib/curation/recompute";
import { db } from "@/lib/db";
import { Invalid, isAppError, type ErrorDescriptor } from "@/lib/errors";
import { answerKey } from "@/lib/responses/schemas";
import { getIntakeCall, insertContribution, parseContribution, type IntakeCall } from "./intake";
import { STAKEHOLDER_GROUPS } from "@/lib/profile/schemas";
import { answeredCount, speakersKey, type ContributionInput } from "./schemas";

type Actor = Pick<SessionUser, "id" | "role"> & Partial<Pick<SessionUser, "forums">>;

export const CSV_LIMITS = { bytes: 800_000, rows: 500 } as const;

const FIELD_COLUMNS = {
  channel: "channel",
  receivedOn: "received_on",
  contributorName: "name",
  email: "email",
  organisation: "organisation",
  onBehalfOf: "on_behalf_of",
  stakeholderGroup: "stakeholder_group",
  region: "region",
  country: "country",
  consent: "consent",
  language: "language",
} as const;

const REQUIRED_COLUMNS = ["channel", "received_on", "name", "consent"];
const CHOICE_SEPARATOR = " | ";
/** Enumerated cells are read in capitals with spaces as underscores ("mailing list" is MAILING_LIST). */
const ENUM_FIELDS = new Set(["channel", "stakeholderGroup", "region", "consent"]);

const speakerColumn = (group: string) => `speakers_${group.toLowerCase()}`;

/** Every column this call's file may have, by column name → form field. */
function columnsOf(call: IntakeCall) {
  const columns = new Map<string, string>(Object.entries(FIELD_COLUMNS).map(([field, column]) => [column, field]));
  call.questions.forEach((question, index) => columns.set(`q${index + 1}`, answerKey(question.id)));
  for (const group of STAKEHOLDER_GROUPS) columns.set(speakerColumn(group), speakersKey(group));
  return columns;
}

export type RowError = { line: number; column: string | null; error: ErrorDescriptor };
export type ImportRow = {
  line: number;
  name: string;
  channel: string;
  stakeholderGroup: string | null;
  region: string | null;
  answered: number;
};
export type ImportCheck = { rows: ImportRow[]; errors: RowError[] };

/** Reads the file's rows as records of its header; a file that is no CSV is refused as a whole. */
function readRows(csv: string): { header: string[]; records: string[][] } {
  if (csv.trim() === "") throw Invalid("csvEmpty", { file: ["csvEmpty"] });
  if (Buffer.byteLength(csv, "utf8") > CSV_LIMITS.bytes) {
    const params = { max: CSV_LIMITS.bytes / 1_000 };
    throw Invalid("csvTooLarge", params, { file: [{ code: "csvTooLarge", params }] });
  }
  let table: string[][];
  try {
    table = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) throw Invalid("csvUnreadable", { file: ["csvUnreadable"] });
    throw error;
  }
  const [header, ...records] = table;
  if (!header || records.length === 0) throw Invalid("csvEmpty", { file: ["csvEmpty"] });
  if (records.length > CSV_LIMITS.rows) {
    const params = { max: CSV_LIMITS.rows };
    throw Invalid("csvTooManyRows", params, { file: [{ code: "csvTooManyRows", params }] });
  }
  return { header: header.map((name) => name.trim().toLowerCase()), records };
}

/** A row as the form's values. */
function valuesOf(call: IntakeCall, header: string[], columns: Map<string, string>, record: string[]) {
  const values: Record<string, unknown> = {};
  const byId = new Map(call.questions.map((question) => [answerKey(question.id), question]));
  header.forEach((column, index) => {
    const field = columns.get(column)!;
    const cell = (record[index] ?? "").replace(/\r\n?/g, "\n");
    const question = byId.get(field);
    if (question?.type === "MULTIPLE_CHOICE")
      values[field] = cell.trim() === "" ? [] : cell.split(CHOICE_SEPARATOR).map((choice) => choice.trim());
    else if (ENUM_FIELDS.has(field))
      values[field] = cell
        .trim()
        .toUpperCase()
        .replace(/[\s-]+/g, "_");
    else if (field === "language") values[field] = cell.trim().toLowerCase() || call.language;
    else values[field] = question?.type === "SINGLE_CHOICE" ? cell.trim() : cell;
  });
  values.language ??= call.language;
  return values;
}

function check(call: IntakeCall, csv: string, now: Date) {
  const { header, records } = readRows(csv);
  const columns = columnsOf(call);
  const unknown = header.filter((column) => !columns.has(column));
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  const duplicated = header.filter((column, index) => header.indexOf(column) !== index);
  const errors: RowError[] = [
    ...unknown.map((column) => ({ line: 1, column, error: { code: "csvUnknownColumn" } as ErrorDescriptor })),
    ...missing.map((column) => ({ line: 1, column, error: { code: "csvMissingColumn" } as ErrorDescriptor })),
    ...[...new Set(duplicated)].map((column) => ({ line: 1, column, error: { code: "csvDuplicateColumn" } as ErrorDescriptor })),
  ];
  if (errors.length) return { contributions: [], check: { rows: [], errors } };
  const fieldColumn = new Map([...columns].map(([column, field]) => [field, column]));
  const contributions: { line: number; contribution: ContributionInput }[] = [];
  const rows: ImportRow[] = [];
  const emails = new Map<string, number>();
  records.forEach((record, index) => {
    const line = index + 2; // the header is line 1
    try {
      const contribution = parseContribution(call, valuesOf(call, header, columns, record), now);
      if (contribution.email) {
        const first = emails.get(contribution.email);
        if (first) errors.push({ line, column: "email", error: { code: "csvDuplicateEmail", params: { line: first } } });
        else emails.set(contribution.email, line);
      }
      contributions.push({ line, contribution });
      rows.push({
        line,
        name: contribution.contributorName,
        channel: contribution.channel,
        stakeholderGroup: contribution.stakeholderGroup ?? null,
        region: contribution.region ?? null,
        answered: answeredCount(call.questions, contribution),
      });
    } catch (error) {
      if (!isAppError(error) || !error.fieldErrors) throw error;
      for (const [field, list] of Object.entries(error.fieldErrors))
        for (const descriptor of list ?? []) errors.push({ line, column: fieldColumn.get(field) ?? null, error: descriptor });
    }
  });
  return { contributions, check: { rows, errors } };
}

/** People of the file who already have a response to the call (one person, one response). */
async function alreadyResponded(callId: string, contributions: { line: number; contribution: ContributionInput }[]) {
  const emails = contributions.map(({ contribution }) => contribution.email).filter((email): email is string => !!email);
  if (!emails.length) return [];
  const taken = await db.response.findMany({
    where: { callId, author: { email: { in: emails } } },
    select: { author: { select: { email: true } } },
  });
  const takenEmails = new Set(taken.map((response) => response.author!.email));
  return contributions
    .filter(({ contribution }) => contribution.email && takenEmails.has(contribution.email))
    .map(({ line }): RowError => ({ line, column: "email", error: { code: "alreadyResponded" } }));
}

/** Checks a file against the call without saving anything: its rows as they would be recorded, and every error. */
export async function checkImport(actor: Actor, input: { callId: string; csv: string }, now = new Date()): Promise<ImportCheck> {
  const call = await getIntakeCall(actor, input.callId);
  const { contributions, check: result } = check(call, input.csv, now);
  const errors = [...result.errors, ...(await alreadyResponded(call.id, contributions))].sort((a, b) => a.line - b.line);
  return { rows: result.rows, errors };
}

/**
 * Records every row of a checked file in one transaction, or none: a file with any error is refused whole.
 * The same import sent twice (its key) records it once.
 */
export async function importContributions(
  actor: Actor,
  input: { callId: string; csv: string; importKey: string },
  now = new Date(),
): Promise<{ imported: number; references: string[]; replayed: boolean }> {
  const call = await getIntakeCall(actor, input.callId);
  const keyOf = (line: number) => `${input.importKey}:${line}`;
  const earlier = await db.response.findMany({
    where: { callId: call.id, channel: { not: "FORM" }, lastSubmitKey: { startsWith: `${input.importKey}:` } },
    orderBy: { reference: "asc" },
    select: { reference: true },
  });
  if (earlier.length) return { imported: earlier.length, references: earlier.map((r) => r.reference!), replayed: true };
  const { contributions, check: result } = check(call, input.csv, now);
  const errors = [...result.errors, ...(await alreadyResponded(call.id, contributions))];
  if (errors.length) throw Invalid("csvHasErrors", { file: ["csvHasErrors"] });
  const references = await db.$transaction(
    async (tx) => {
      const made: string[] = [];
      for (const { line, contribution } of contributions)
        made.push((await insertContribution(tx, actor, call, contribution, { submitKey: keyOf(line), now })).reference);
      await queueCampaignRecompute(tx, call.id);
      return made;
    },
    { timeout: 60_000 },
  );
  return { imported: references.length, references, replayed: false };
}
