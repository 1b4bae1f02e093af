-- Art. 13: the sharing matrix's history starts with the matrix in place. Databases created before
-- the history was kept have none: give each team without one a single approved row holding its
-- current matrix, labelled as the matrix in place before the history was kept (no proposer, no FG).
INSERT INTO `sharing_proposals` (`team_id`, `addendum_ref`, `changes`, `status`, `proposed_at`, `decided_at`)
SELECT `t`.`id`,
  'Deelmatrix zoals die gold vóór de geschiedenis werd bijgehouden',
  (SELECT json_group_array(json_object('sourceKind', `r`.`source_kind`, 'category', `r`.`category`, 'audience', `r`.`audience`, 'from', NULL))
     FROM (SELECT * FROM `sharing_rules` WHERE `team_id` = `t`.`id` ORDER BY `id`) AS `r`),
  'approved',
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `teams` AS `t`
WHERE NOT EXISTS (SELECT 1 FROM `sharing_proposals` AS `p` WHERE `p`.`team_id` = `t`.`id`);
