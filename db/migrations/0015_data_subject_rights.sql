CREATE TABLE `data_subject_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`received_on` text NOT NULL,
	`received_by_partner_id` integer NOT NULL,
	`deadline` text NOT NULL,
	`extended_on` text,
	`extension_reason` text,
	`status` text DEFAULT 'open' NOT NULL,
	`decision` text,
	`decision_note` text,
	`decided_on` text,
	`created_by_user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`received_by_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `data_subject_requests_team` ON `data_subject_requests` (`team_id`,`status`);--> statement-breakpoint
CREATE TABLE `dsr_partners` (
	`request_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`forwarded_on` text,
	`reported_on` text,
	`report` text,
	PRIMARY KEY(`request_id`, `partner_id`),
	FOREIGN KEY (`request_id`) REFERENCES `data_subject_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `dsr_subjects` (
	`request_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	PRIMARY KEY(`request_id`, `subject_id`),
	FOREIGN KEY (`request_id`) REFERENCES `data_subject_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subject_inform_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` integer NOT NULL,
	`informed_on` text,
	`postponed_reason` text,
	`recorded_by_user_id` integer NOT NULL,
	`recorded_by_partner_id` integer,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subject_inform_events_subject` ON `subject_inform_events` (`subject_id`);--> statement-breakpoint
CREATE TABLE `subject_search_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_id` integer NOT NULL,
	`police` integer NOT NULL,
	`item_id` integer NOT NULL,
	`token` text NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subject_search_tokens_token` ON `subject_search_tokens` (`token`);--> statement-breakpoint
CREATE INDEX `subject_search_tokens_item` ON `subject_search_tokens` (`police`,`item_id`);--> statement-breakpoint
ALTER TABLE `teams` ADD `informing_partner_id` integer;