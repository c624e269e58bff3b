-- Moderators from before forums become facilitators of every existing forum, so that nothing changes for a
-- running installation and an administrator can narrow a moderator to some forums: change their role to
-- stakeholder (their appointments stay) and remove the appointments they should not hold.
INSERT INTO "forum_appointments" ("id", "forumId", "userId", "role", "createdAt", "updatedAt")
SELECT 'm' || substr(md5(f."id" || ':' || u."id"), 1, 24), f."id", u."id", 'FACILITATOR', now(), now()
FROM "users" u CROSS JOIN "forums" f
WHERE u."role" = 'MODERATOR'
ON CONFLICT ("forumId", "userId") DO NOTHING;
