-- Demo databases created before 2FA existed keep their one-click login: the new column defaults
-- to "required" (the production default), so teams whose accounts are demo accounts (.demo is no
-- real top-level domain, so no production address matches) get it off, as a fresh demo seed does.
UPDATE `teams` SET `two_factor_required` = 0
WHERE EXISTS (SELECT 1 FROM `users` WHERE `users`.`team_id` = `teams`.`id` AND `users`.`email` LIKE '%@%.demo');
