CREATE TABLE `work_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`task_id` integer,
	`agreement_id` integer,
	`kind` text NOT NULL,
	`changes` text DEFAULT '{}' NOT NULL,
	`reason` text,
	`actor_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `work_changes_task` ON `work_changes` (`task_id`);--> statement-breakpoint
CREATE INDEX `work_changes_agreement` ON `work_changes` (`agreement_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `withdraw_reason` text;--> statement-breakpoint
ALTER TABLE `agenda_items` ADD `task_id` integer REFERENCES tasks(id);--> statement-breakpoint
ALTER TABLE `agreements` ADD `lapse_reason` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `blocked_at` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `lapse_reason` text;