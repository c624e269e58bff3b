// Any other path under /api/v1: a JSON 404, not the site's HTML page, so clients can parse every answer.
import { notFound } from "@/lib/api/errors";
import { apiGet } from "@/lib/api/http";

export function GET(request: Request) {
  return apiGet(request, [], async () => {
    throw notFound("endpoint");
  });
}
