CREATE TABLE `retention_list_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`scope` text NOT NULL,
	`due_since` text NOT NULL,
	`erased_items` integer,
	FOREIGN KEY (`list_id`) REFERENCES `retention_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retention_list_entries_unique` ON `retention_list_entries` (`list_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `retention_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`status` text NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`reject_reason` text,
	`erased_subjects` integer,
	`erased_items` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `retention_lists_team` ON `retention_lists` (`team_id`,`status`);--> statement-breakpoint
CREATE TABLE `breach_partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`breach_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`informed_at` text,
	`informed_by_user_id` integer,
	FOREIGN KEY (`breach_id`) REFERENCES `breaches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`informed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `breach_partners_unique` ON `breach_partners` (`breach_id`,`partner_id`);--> statement-breakpoint
CREATE TABLE `breaches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`origin` text NOT NULL,
	`reported_by_user_id` integer,
	`reported_at` text NOT NULL,
	`discovered_at` text NOT NULL,
	`description` text NOT NULL,
	`status` text NOT NULL,
	`police_data` integer DEFAULT false NOT NULL,
	`nature` text,
	`data_categories` text DEFAULT '' NOT NULL,
	`persons_affected` integer,
	`records_affected` integer,
	`consequences` text DEFAULT '' NOT NULL,
	`measures_taken` text DEFAULT '' NOT NULL,
	`measures_proposed` text DEFAULT '' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`authority_reported_at` text,
	`authority_reference` text,
	`authority_not_required_reason` text,
	`subjects_decision` text,
	`subjects_decision_reason` text,
	`consultation` text DEFAULT '' NOT NULL,
	`consulted_on` text,
	`closed_at` text,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `breaches_team` ON `breaches` (`team_id`,`status`);--> statement-breakpoint
ALTER TABLE `police_subject_items` ADD `erased_at` text;--> statement-breakpoint
ALTER TABLE `police_subject_items` ADD `first_processed_on` text;--> statement-breakpoint
ALTER TABLE `subject_items` ADD `erased_at` text;