CREATE TABLE `open_case_date_counts` (
	`kind` text NOT NULL,
	`on_date` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`kind`, `on_date`)
);
--> statement-breakpoint
-- open_case_date_counts: per date, how many open cases (status open, not anonymised) have it as
-- their next review ('review') or their last activity ('activity'). Filled here, then kept by the
-- triggers below as deltas: -1 for the row's old date, +1 for its new one, each only while the row
-- is an open case. Deltas (upserts, a count may be briefly negative) keep the sum right whichever
-- of the AFTER INSERT triggers on cases runs first (cases_activity_after_insert updates the row
-- it inserted). A migration that rebuilds the cases table must recreate these triggers;
-- tests/integration/overviewDateCounts.test.ts compares the table with a direct count.
INSERT INTO open_case_date_counts (kind, on_date, n)
  SELECT 'review', next_review_on, count(*) FROM cases
  WHERE status = 'open' AND anonymised_at IS NULL AND next_review_on IS NOT NULL GROUP BY next_review_on;
--> statement-breakpoint
INSERT INTO open_case_date_counts (kind, on_date, n)
  SELECT 'activity', last_activity_on, count(*) FROM cases
  WHERE status = 'open' AND anonymised_at IS NULL AND last_activity_on IS NOT NULL GROUP BY last_activity_on;
--> statement-breakpoint
CREATE TRIGGER `open_case_date_counts_after_insert` AFTER INSERT ON `cases`
WHEN new.status = 'open' AND new.anonymised_at IS NULL
BEGIN
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'review', new.next_review_on, 1 WHERE new.next_review_on IS NOT NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n + 1;
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'activity', new.last_activity_on, 1 WHERE new.last_activity_on IS NOT NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `open_case_date_counts_after_delete` AFTER DELETE ON `cases`
WHEN old.status = 'open' AND old.anonymised_at IS NULL
BEGIN
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'review', old.next_review_on, -1 WHERE old.next_review_on IS NOT NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n - 1;
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'activity', old.last_activity_on, -1 WHERE old.last_activity_on IS NOT NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n - 1;
END;
--> statement-breakpoint
CREATE TRIGGER `open_case_date_counts_after_update_review` AFTER UPDATE OF status, anonymised_at, next_review_on ON `cases`
WHEN old.status IS NOT new.status OR old.anonymised_at IS NOT new.anonymised_at OR old.next_review_on IS NOT new.next_review_on
BEGIN
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'review', old.next_review_on, -1
    WHERE old.next_review_on IS NOT NULL AND old.status = 'open' AND old.anonymised_at IS NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n - 1;
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'review', new.next_review_on, 1
    WHERE new.next_review_on IS NOT NULL AND new.status = 'open' AND new.anonymised_at IS NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `open_case_date_counts_after_update_activity` AFTER UPDATE OF status, anonymised_at, last_activity_on ON `cases`
WHEN old.status IS NOT new.status OR old.anonymised_at IS NOT new.anonymised_at OR old.last_activity_on IS NOT new.last_activity_on
BEGIN
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'activity', old.last_activity_on, -1
    WHERE old.last_activity_on IS NOT NULL AND old.status = 'open' AND old.anonymised_at IS NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n - 1;
  INSERT INTO open_case_date_counts (kind, on_date, n) SELECT 'activity', new.last_activity_on, 1
    WHERE new.last_activity_on IS NOT NULL AND new.status = 'open' AND new.anonymised_at IS NULL
    ON CONFLICT (kind, on_date) DO UPDATE SET n = n + 1;
END;
