// The attachment rules, shared by the server and the upload field (so no server-only imports here).

/** At most this many files per response. */
export const MAX_FILES = 3;
/** At most this many bytes per file (10 MiB). */
export const MAX_BYTES = 10 * 1024 * 1024;

/** The accepted types: the extension the file name must end with, and the media type it is served as. */
export const ALLOWED_TYPES = {
  pdf: { extension: ".pdf", mediaType: "application/pdf" },
  docx: {
    extension: ".docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  odt: { extension: ".odt", mediaType: "application/vnd.oasis.opendocument.text" },
  txt: { extension: ".txt", mediaType: "text/plain" },
} as const;

export type AttachmentKind = keyof typeof ALLOWED_TYPES;

/** For the file input's `accept`: a hint to the browser's picker only; the server decides by content. */
export const ACCEPT = Object.values(ALLOWED_TYPES)
  .map((type) => type.extension)
  .join(",");

/** What the owner's pages and the upload field get about a file. */
export type AttachmentSummary = { id: string; fileName: string; size: number; mediaType: string };

export function kindOfMediaType(mediaType: string): AttachmentKind | undefined {
  return (Object.keys(ALLOWED_TYPES) as AttachmentKind[]).find((kind) => ALLOWED_TYPES[kind].mediaType === mediaType);
}

// Word and OpenDocument files are zip archives: their size on disk says little about their size once
// opened. These limits are checked from the archive's central directory, without inflating anything.
/** At most this many bytes for all entries of a DOCX/ODT once unpacked, as the archive declares them (50 MiB). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** At most this many entries in a DOCX/ODT (a long report with images has a few hundred at most). */
export const MAX_ARCHIVE_ENTRIES = 2000;
/** An entry of more than MAX_RATIO_FROM bytes unpacked may be at most MAX_RATIO times its packed size. */
export const MAX_RATIO = 200;
export const MAX_RATIO_FROM = 1024 * 1024;
