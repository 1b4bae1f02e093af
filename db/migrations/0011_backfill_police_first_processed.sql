-- art. 25.1: police items recorded before first_processed_on existed count from the day they were
-- recorded in the team (their created_at, an ISO instant: its date part).
UPDATE `police_subject_items` SET `first_processed_on` = substr(`created_at`, 1, 10) WHERE `first_processed_on` IS NULL;
