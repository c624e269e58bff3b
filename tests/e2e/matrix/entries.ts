// Every entry of the authorization matrix, by "<file>#<export>" for actions and by file for route handlers.
import { CALL_ACTIONS } from "./calls";
import { CURATION_ACTIONS } from "./curation";
import type { ActionEntry, RouteEntry } from "./entry";
import { FORUM_ACTIONS } from "./forums";
import { INTAKE_ACTIONS } from "./intake";
import { MESSAGE_ACTIONS } from "./messages";
import { MODERATION_ACTIONS } from "./moderation";
import { PEOPLE_ACTIONS } from "./people";
import { ROUTES } from "./routes";
import { TRANSLATION_ACTIONS } from "./translations";

export const ACTION_ENTRIES: Record<string, ActionEntry> = {
  ...CALL_ACTIONS,
  ...CURATION_ACTIONS,
  ...FORUM_ACTIONS,
  ...INTAKE_ACTIONS,
  ...MESSAGE_ACTIONS,
  ...MODERATION_ACTIONS,
  ...PEOPLE_ACTIONS,
  ...TRANSLATION_ACTIONS,
};

export const ROUTE_ENTRIES: Record<string, RouteEntry | RouteEntry[]> = ROUTES;
