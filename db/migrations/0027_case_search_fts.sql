-- Search over casussen (cases.list `search`, issue 12): an FTS5 trigram index, so a substring
-- search no longer scans every casus of the team's history. It holds only the non-personal columns
-- the list already shows and searched before — casus code, the pand's address, postcode (without
-- spaces), city — never a betrokkene's data. Rowid = cases.id. Kept in sync by the triggers below;
-- drizzle cannot generate virtual tables or triggers, hence this custom migration.
CREATE VIRTUAL TABLE case_search USING fts5(code, address, postcode, city, tokenize = 'trigram');
--> statement-breakpoint
INSERT INTO case_search (rowid, code, address, postcode, city)
  SELECT id, code, street || ' ' || house_number || coalesce(house_number_addition, ''), replace(postcode, ' ', ''), city FROM cases;
--> statement-breakpoint
CREATE TRIGGER case_search_insert AFTER INSERT ON cases BEGIN
  INSERT INTO case_search (rowid, code, address, postcode, city)
    VALUES (new.id, new.code, new.street || ' ' || new.house_number || coalesce(new.house_number_addition, ''), replace(new.postcode, ' ', ''), new.city);
END;
--> statement-breakpoint
CREATE TRIGGER case_search_update AFTER UPDATE OF code, street, house_number, house_number_addition, postcode, city ON cases BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
  INSERT INTO case_search (rowid, code, address, postcode, city)
    VALUES (new.id, new.code, new.street || ' ' || new.house_number || coalesce(new.house_number_addition, ''), replace(new.postcode, ' ', ''), new.city);
END;
--> statement-breakpoint
CREATE TRIGGER case_search_delete AFTER DELETE ON cases BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
END;
