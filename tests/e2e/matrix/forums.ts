// Matrix entries: forums.
import type { ActionEntry } from "./entry";

export const FORUM_ACTIONS: Record<string, ActionEntry> = {};
