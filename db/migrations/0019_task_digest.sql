CREATE TABLE `report_narratives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`author_id` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_narratives_period_version` ON `report_narratives` (`team_id`,`period_from`,`period_to`,`version`);--> statement-breakpoint
ALTER TABLE `users` ADD `task_digest` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `task_digest_sent_on` text;