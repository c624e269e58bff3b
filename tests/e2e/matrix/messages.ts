// Matrix entries: messages.
import type { ActionEntry } from "./entry";

export const MESSAGE_ACTIONS: Record<string, ActionEntry> = {};
