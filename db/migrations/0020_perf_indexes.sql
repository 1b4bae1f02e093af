DROP INDEX `tasks_team_status`;--> statement-breakpoint
CREATE INDEX `tasks_team_status` ON `tasks` (`team_id`,`status`,`completed_at`);--> statement-breakpoint
CREATE INDEX `case_events_at` ON `case_events` (`at`);--> statement-breakpoint
CREATE INDEX `cases_team_id` ON `cases` (`team_id`,`id`);--> statement-breakpoint
CREATE INDEX `agenda_items_case` ON `agenda_items` (`case_id`);--> statement-breakpoint
CREATE INDEX `agreements_team` ON `agreements` (`team_id`,`created_at`);