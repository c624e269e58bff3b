// A call's status is never stored: it follows from publication and the clock, so it cannot go stale.
export type CallStatus = "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";

export type CallTimes = { publishedAt: Date | null; opensAt: Date; closesAt: Date };

export function callStatus(call: CallTimes, now: Date = new Date()): CallStatus {
  if (!call.publishedAt) return "DRAFT";
  if (now < call.opensAt) return "SCHEDULED";
  if (now < call.closesAt) return "OPEN";
  return "CLOSED";
}
