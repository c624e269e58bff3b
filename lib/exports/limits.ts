// Sizes of the export reader. A batch of 1000 responses with their answers is a few hundred kB of text:
// large enough that the per-query cost is small, small enough that memory stays flat.
export const BATCH_SIZE = 1000;
/** Message sets are read a few at a time: each brings all its paragraphs and citations. */
export const SET_BATCH_SIZE = 10;
