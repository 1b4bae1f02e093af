CREATE TABLE `account_locks` (
	`email_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer,
	`locked_at` text NOT NULL,
	`until` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `security_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`aggregate_key` text NOT NULL,
	`kind` text NOT NULL,
	`team_id` integer,
	`user_id` integer,
	`ip` text NOT NULL,
	`first_at` text NOT NULL,
	`last_at` text NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `security_events_aggregate_key_unique` ON `security_events` (`aggregate_key`);--> statement-breakpoint
CREATE INDEX `security_events_team` ON `security_events` (`team_id`,`last_at`);--> statement-breakpoint
CREATE INDEX `security_events_last` ON `security_events` (`last_at`);