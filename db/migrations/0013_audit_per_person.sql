CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`audit_id` integer NOT NULL,
	`hash` text NOT NULL,
	`broken_at` integer,
	`at` text NOT NULL,
	`mac` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_subjects` (
	`audit_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	`police` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`audit_id`, `subject_id`)
);
--> statement-breakpoint
CREATE INDEX `audit_subjects_subject` ON `audit_subjects` (`subject_id`,`audit_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `mass_read_subjects` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `mass_read_minutes` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_log` (`actor_id`,`at`);