-- Issue 11 item 8 (PIT art. 26.4): in PIT the gemeente Helmond informs the betrokkenen. Existing
-- PIT teams get that partner as their informing partner; other teams leave it to the coordinator.
UPDATE teams SET informing_partner_id = (
  SELECT p.id FROM partners p WHERE p.team_id = teams.id AND p.name = 'Gemeente Helmond'
) WHERE slug = 'pit';
