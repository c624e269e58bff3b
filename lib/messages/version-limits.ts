// The limits of publishing versions (README lists them). Pure: the editor shows them.
export const VERSION_LIMITS = {
  /** The longest comment period. */
  periodMaxDays: 120,
} as const;
