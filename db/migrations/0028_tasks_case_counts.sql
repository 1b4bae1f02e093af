DROP INDEX `tasks_case`;--> statement-breakpoint
CREATE INDEX `tasks_case_status_due` ON `tasks` (`case_id`,`status`,`due_date`);