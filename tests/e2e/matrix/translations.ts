// Matrix entries: translations.
import type { ActionEntry } from "./entry";

export const TRANSLATION_ACTIONS: Record<string, ActionEntry> = {};
