-- PIT art. 14.3: at least two months' written notice before a partner leaves (BIT art. 14.2: none, the default 0).
UPDATE `covenants` SET `leave_notice_months` = 2 WHERE `team_id` IN (SELECT `id` FROM `teams` WHERE `slug` = 'pit');
