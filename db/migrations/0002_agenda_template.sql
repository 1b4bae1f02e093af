CREATE TABLE `agenda_templates` (
	`team_id` integer PRIMARY KEY NOT NULL,
	`sections` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by_user_id` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Existing teams start with the default template (SPEC §2 order).
INSERT INTO `agenda_templates` (`team_id`, `sections`, `updated_at`, `version`)
SELECT `id`, '[{"section":"opening","enabled":true,"title":"Opening en mededelingen","durationMinutes":5},{"section":"verslag","enabled":true,"title":"Verslag en actielijst vorig overleg","durationMinutes":10},{"section":"nieuwe_casussen","enabled":true,"title":null,"durationMinutes":10},{"section":"lopende_casussen","enabled":true,"title":null,"durationMinutes":5},{"section":"controles","enabled":true,"title":"Integrale controles: planning en terugkoppeling","durationMinutes":10},{"section":"themas","enabled":true,"title":"Thema''s en pilots","durationMinutes":10},{"section":"rondvraag","enabled":true,"title":"Rondvraag","durationMinutes":5},{"section":"sluiting","enabled":true,"title":"Sluiting","durationMinutes":2}]', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1 FROM `teams`;
