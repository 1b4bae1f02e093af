-- Knelpunten reported before tasks had a blocked state: an open task with a blocker note is blocked.
UPDATE `tasks` SET `blocked_at` = `updated_at` WHERE `blocker_note` IS NOT NULL AND `status` = 'open' AND `blocked_at` IS NULL;
