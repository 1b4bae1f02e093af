CREATE TABLE `case_access_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`reason` text NOT NULL,
	`requested_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_access_requests_case` ON `case_access_requests` (`case_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `case_access_requests_team` ON `case_access_requests` (`team_id`,`requested_at`);--> statement-breakpoint
CREATE TABLE `correction_notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`change_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`created_at` text NOT NULL,
	`acknowledged_at` text,
	`acknowledged_by_user_id` integer,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`change_id`) REFERENCES `item_changes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`acknowledged_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `correction_notices_unique` ON `correction_notices` (`change_id`,`partner_id`);--> statement-breakpoint
CREATE INDEX `correction_notices_partner` ON `correction_notices` (`partner_id`,`acknowledged_at`);--> statement-breakpoint
CREATE TABLE `item_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`police` integer NOT NULL,
	`item_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`category` text NOT NULL,
	`kind` text NOT NULL,
	`old_value_enc` text,
	`reason` text NOT NULL,
	`source_partner_id` integer NOT NULL,
	`actor_user_id` integer NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_changes_item` ON `item_changes` (`police`,`item_id`);--> statement-breakpoint
CREATE INDEX `item_changes_team` ON `item_changes` (`team_id`,`at`);--> statement-breakpoint
ALTER TABLE `police_subject_items` ADD `restricted_at` text;--> statement-breakpoint
ALTER TABLE `subject_items` ADD `restricted_at` text;