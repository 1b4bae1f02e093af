CREATE TABLE `partner_join_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`joining_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`consented_on` text NOT NULL,
	`consented_by` text NOT NULL,
	`reference` text NOT NULL,
	`recorded_by_user_id` integer NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`joining_id`) REFERENCES `partner_joinings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `partner_join_consents_unique` ON `partner_join_consents` (`joining_id`,`partner_id`);--> statement-breakpoint
CREATE TABLE `partner_joinings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`kind` text NOT NULL,
	`joined_on` text NOT NULL,
	`annex_ref` text,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_by_user_id` integer NOT NULL,
	`proposed_at` text NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`decision_reason` text,
	`partner_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_joinings_team` ON `partner_joinings` (`team_id`);--> statement-breakpoint
CREATE TABLE `partner_suspensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_by_user_id` integer NOT NULL,
	`proposed_at` text NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`decision_reason` text,
	`lifted_by_user_id` integer,
	`lifted_at` text,
	`lift_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_suspensions_partner` ON `partner_suspensions` (`partner_id`,`status`);--> statement-breakpoint
CREATE TABLE `sharing_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`addendum_ref` text NOT NULL,
	`changes` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_by_user_id` integer,
	`proposed_at` text NOT NULL,
	`decided_by_user_id` integer,
	`decided_at` text,
	`decision_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sharing_proposals_team` ON `sharing_proposals` (`team_id`);--> statement-breakpoint
ALTER TABLE `covenants` ADD `leave_notice_months` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sharing_rules` ADD `annex_ref` text;