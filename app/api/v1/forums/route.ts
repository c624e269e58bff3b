// GET /api/v1/forums — forums with at least one published call (open data; see lib/api/http.ts).
import { listForums } from "@/lib/api/calls";
import { apiGet } from "@/lib/api/http";

export function GET(request: Request) {
  return apiGet(request, [], () => listForums());
}
