// A published version's public comment period, [opensAt, closesAt): where `now` falls in it. Pure; the
// server decides with its own clock (comments after closing are refused by lib/comments, whatever the page
// showed).
export type CommentPeriod = { opensAt: Date; closesAt: Date } | null;

export type CommentPeriodState = "none" | "upcoming" | "open" | "closed";

export function commentPeriodState(
  version: { commentOpensAt: Date | null; commentClosesAt: Date | null },
  now: Date,
): CommentPeriodState {
  if (!version.commentOpensAt || !version.commentClosesAt) return "none";
  if (now < version.commentOpensAt) return "upcoming";
  if (now < version.commentClosesAt) return "open";
  return "closed";
}

/**
 * How a period that ended before its announced end ended: closed early (it had opened) or cancelled (both
 * ends cleared before it opened), when, and the reason given; null for a period that ran (or runs) its course,
 * and for a version without one.
 */
export type EarlyEnd = { at: Date; reason: string; cancelled: boolean } | null;

export function earlyEnd(version: {
  commentClosesAt: Date | null;
  commentClosedEarlyAt: Date | null;
  commentClosedEarlyReason: string | null;
}): EarlyEnd {
  if (!version.commentClosedEarlyAt || !version.commentClosedEarlyReason) return null;
  return { at: version.commentClosedEarlyAt, reason: version.commentClosedEarlyReason, cancelled: !version.commentClosesAt };
}
