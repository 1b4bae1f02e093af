CREATE TABLE `covenant_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`covenant_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`reference` text NOT NULL,
	`changed_on` text NOT NULL,
	`description` text NOT NULL,
	`new_ends_on` text,
	`approval` text DEFAULT 'proposed' NOT NULL,
	`proposed_by_user_id` integer,
	`proposed_at` text NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`decision_reason` text,
	FOREIGN KEY (`covenant_id`) REFERENCES `covenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `covenant_changes_covenant` ON `covenant_changes` (`covenant_id`);--> statement-breakpoint
CREATE TABLE `covenant_warnings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`covenant_id` integer NOT NULL,
	`ends_on` text NOT NULL,
	`threshold_days` integer NOT NULL,
	`sent_on` text NOT NULL,
	FOREIGN KEY (`covenant_id`) REFERENCES `covenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `covenant_warnings_once` ON `covenant_warnings` (`covenant_id`,`ends_on`,`threshold_days`);--> statement-breakpoint
CREATE TABLE `wind_down_case_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`decision` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`decided_by_user_id` integer NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wind_down_case_once` ON `wind_down_case_decisions` (`case_id`);--> statement-breakpoint
DROP INDEX `covenants_team_id_unique`;--> statement-breakpoint
ALTER TABLE `covenants` ADD `document_ref` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `covenants` ADD `signed_on` text;--> statement-breakpoint
ALTER TABLE `covenants` ADD `initial_term_months` integer;--> statement-breakpoint
ALTER TABLE `covenants` ADD `tacit_renewal_months` integer;--> statement-breakpoint
ALTER TABLE `covenants` ADD `evaluation_calls_for_change` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `covenants` ADD `changes` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `covenants` ADD `approval` text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE `covenants` ADD `proposed_by_user_id` integer;--> statement-breakpoint
ALTER TABLE `covenants` ADD `proposed_at` text;--> statement-breakpoint
ALTER TABLE `covenants` ADD `decided_by_user_id` integer;--> statement-breakpoint
ALTER TABLE `covenants` ADD `decided_at` text;--> statement-breakpoint
ALTER TABLE `covenants` ADD `decision_reason` text;--> statement-breakpoint
CREATE INDEX `covenants_team` ON `covenants` (`team_id`,`starts_on`);