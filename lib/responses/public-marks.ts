/** Marks around matched words in search excerpts: private-use characters, never typed by people. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
