-- art. 20.9 (PIT): geslacht may be exchanged but is not recorded. Items recorded before this rule
-- have no ground to be kept: they are erased (with their disclosure rows), and the category leaves
-- the team's sharing matrix. The audit log keeps the earlier rows (append-only); this migration
-- is its own record of the erasure.
DELETE FROM `item_disclosures` WHERE `police` = 0 AND `item_id` IN (SELECT `id` FROM `subject_items` WHERE `category` = 'geslacht');
--> statement-breakpoint
DELETE FROM `item_disclosures` WHERE `police` = 1 AND `item_id` IN (SELECT `id` FROM `police_subject_items` WHERE `category` = 'geslacht');
--> statement-breakpoint
DELETE FROM `subject_items` WHERE `category` = 'geslacht';
--> statement-breakpoint
DELETE FROM `police_subject_items` WHERE `category` = 'geslacht';
--> statement-breakpoint
DELETE FROM `sharing_rules` WHERE `category` = 'geslacht';
