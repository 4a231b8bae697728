-- Journal notes are never edited in place: a correction is a new note that points to the old one.
CREATE TRIGGER `case_notes_no_update` BEFORE UPDATE ON `case_notes`
BEGIN
  SELECT RAISE(ABORT, 'case_notes are append-only');
END;
