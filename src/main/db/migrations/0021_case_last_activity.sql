ALTER TABLE `cases` ADD `last_activity_on` text;--> statement-breakpoint
CREATE INDEX `cases_active_activity_idx` ON `cases` (`status`,`anonymised_at`,`last_activity_on`);--> statement-breakpoint
-- cases.last_activity_on: the latest of a case's opening, events, level changes and notes (a
-- note counts on its date in Copenhagen: its UTC time + 1 hour, + 2 hours in EU summer time, from
-- 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October). Kept by the
-- triggers below, which recompute it from the rows whenever one of them changes; filled here for
-- the cases there are. Overblik's "no activity for N weeks" counts and pages it from
-- cases_active_activity_idx.
UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = cases.id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = cases.id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = cases.id) m WHERE m.at IS NOT NULL), ''));
--> statement-breakpoint
CREATE TRIGGER `cases_activity_after_insert` AFTER INSERT ON `cases`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = new.id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = new.id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = new.id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `cases_activity_after_opened` AFTER UPDATE OF opened_on ON `cases`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = new.id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = new.id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = new.id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `events_activity_after_insert` AFTER INSERT ON `case_events`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = new.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = new.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = new.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `events_activity_after_update` AFTER UPDATE ON `case_events`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = old.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = old.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = old.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = old.case_id;
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = new.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = new.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = new.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `events_activity_after_delete` AFTER DELETE ON `case_events`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = old.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = old.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = old.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = old.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `level_changes_activity_after_insert` AFTER INSERT ON `case_level_changes`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = new.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = new.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = new.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `level_changes_activity_after_update` AFTER UPDATE ON `case_level_changes`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = old.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = old.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = old.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = old.case_id;
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = new.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = new.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = new.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `level_changes_activity_after_delete` AFTER DELETE ON `case_level_changes`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = old.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = old.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = old.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = old.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_activity_after_insert` AFTER INSERT ON `case_notes`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = new.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = new.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = new.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = new.case_id;
END;
--> statement-breakpoint
CREATE TRIGGER `notes_activity_after_delete` AFTER DELETE ON `case_notes`
BEGIN
  UPDATE cases SET last_activity_on = max(opened_on,
      coalesce((SELECT max(e.occurred_on) FROM case_events e WHERE e.case_id = old.case_id), ''),
      coalesce((SELECT max(l.changed_on) FROM case_level_changes l WHERE l.case_id = old.case_id), ''),
      coalesce((SELECT date(m.at, CASE
          WHEN m.at >= date(substr(m.at, 1, 4) || '-03-31', '-6 days', 'weekday 0') || 'T01:00'
           AND m.at < date(substr(m.at, 1, 4) || '-10-31', '-6 days', 'weekday 0') || 'T01:00' THEN '+2 hours'
          ELSE '+1 hour' END)
        FROM (SELECT max(n.written_at) AS at FROM case_notes n WHERE n.case_id = old.case_id) m WHERE m.at IS NOT NULL), ''))
  WHERE id = old.case_id;
END;
