// The address of a forum's logo (app/api/forums/[id]/logo), changing with each new logo so that it can be
// cached for long. Pure: the pages, the final messages and their downloads build it.

export const logoPath = (forumId: string, updatedAt: Date) =>
  `/api/forums/${encodeURIComponent(forumId)}/logo?v=${updatedAt.getTime()}`;
