CREATE TABLE `agreement_subjects` (
	`agreement_id` integer NOT NULL,
	`subject_id` integer NOT NULL,
	PRIMARY KEY(`agreement_id`, `subject_id`),
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subject_id`) REFERENCES `subjects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agreement_subjects_subject` ON `agreement_subjects` (`subject_id`);--> statement-breakpoint
ALTER TABLE `minutes` ADD `snapshot` text;