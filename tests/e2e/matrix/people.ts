// Matrix entries: people.
import type { ActionEntry } from "./entry";

export const PEOPLE_ACTIONS: Record<string, ActionEntry> = {};
