-- Case list search (services/caseQueries.ts): a trigram index over exactly the three texts the
-- list searches, per case: the person's search_name, lower(case_number), lower(external_ref).
-- case_sensitive 1: the texts are stored as the list compares them (already lower-cased), so a
-- phrase match here is the same test as instr() on them. Contentless: the index holds no copy of
-- the text; secure-delete: a deleted or changed entry leaves no trigrams of the old text behind
-- (retention). Retention stubs (anonymised_at set) are not indexed. Triggers keep it in step.
CREATE VIRTUAL TABLE `case_search` USING fts5(name, number, ref, content='', contentless_delete=1, tokenize='trigram case_sensitive 1');
--> statement-breakpoint
INSERT INTO `case_search` (`case_search`, `rank`) VALUES ('secure-delete', 1);
--> statement-breakpoint
INSERT INTO `case_search` (`rowid`, `name`, `number`, `ref`)
  SELECT c.id, p.search_name, lower(c.case_number), lower(coalesce(c.external_ref, ''))
  FROM cases c JOIN people p ON p.id = c.person_id WHERE c.anonymised_at IS NULL;
--> statement-breakpoint
CREATE TRIGGER `case_search_after_insert` AFTER INSERT ON `cases` WHEN new.anonymised_at IS NULL
BEGIN
  INSERT INTO case_search (rowid, name, number, ref)
    SELECT new.id, p.search_name, lower(new.case_number), lower(coalesce(new.external_ref, '')) FROM people p WHERE p.id = new.person_id;
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_after_update` AFTER UPDATE OF case_number, external_ref, person_id, anonymised_at ON `cases`
BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
  INSERT INTO case_search (rowid, name, number, ref)
    SELECT new.id, p.search_name, lower(new.case_number), lower(coalesce(new.external_ref, '')) FROM people p
    WHERE p.id = new.person_id AND new.anonymised_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_after_delete` AFTER DELETE ON `cases`
BEGIN
  DELETE FROM case_search WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `case_search_after_person_update` AFTER UPDATE OF search_name ON `people`
BEGIN
  DELETE FROM case_search WHERE rowid IN (SELECT id FROM cases WHERE person_id = new.id);
  INSERT INTO case_search (rowid, name, number, ref)
    SELECT c.id, new.search_name, lower(c.case_number), lower(coalesce(c.external_ref, '')) FROM cases c
    WHERE c.person_id = new.id AND c.anonymised_at IS NULL;
END;
