// Matrix entries: curation.
import type { ActionEntry } from "./entry";

export const CURATION_ACTIONS: Record<string, ActionEntry> = {};
