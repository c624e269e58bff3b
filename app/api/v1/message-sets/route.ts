// GET /api/v1/message-sets — message sets with at least one published version.
import { apiGet } from "@/lib/api/http";
import { listMessageSets } from "@/lib/api/message-sets";

export function GET(request: Request) {
  return apiGet(request, ["call", "limit", "cursor"], (query) => listMessageSets(query));
}
