DROP INDEX `cases_team_status`;--> statement-breakpoint
CREATE INDEX `cases_team_status` ON `cases` (`team_id`,`status`,`closed_at`);--> statement-breakpoint
CREATE INDEX `tasks_team_lapsed` ON `tasks` (`team_id`,`updated_at`) WHERE status = 'vervallen';