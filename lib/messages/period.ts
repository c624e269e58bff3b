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
