// GET /api/v1/calls — published calls, oldest publication first, filtered by forum and status.
import { listCalls } from "@/lib/api/calls";
import { apiGet } from "@/lib/api/http";

export function GET(request: Request) {
  return apiGet(request, ["forum", "status", "limit", "cursor"], (query) => listCalls(query));
}
