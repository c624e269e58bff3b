// Matrix entries: moderation.
import type { ActionEntry } from "./entry";

export const MODERATION_ACTIONS: Record<string, ActionEntry> = {};
