ALTER TABLE `users` ADD `task_digest` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `task_digest_sent_on` text;