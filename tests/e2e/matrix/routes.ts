// Matrix entries: the route handlers.
import type { RouteEntry } from "./entry";

export const ROUTES: Record<string, RouteEntry | RouteEntry[]> = {};
