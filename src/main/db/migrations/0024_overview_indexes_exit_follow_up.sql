ALTER TABLE `exit_courses` ADD `follow_up_recorded_on` text;--> statement-breakpoint
CREATE INDEX `cases_open_coordinator_review_idx` ON `cases` (`coordinator`,`next_review_on`) WHERE status = 'open' AND anonymised_at IS NULL;--> statement-breakpoint
CREATE INDEX `cases_open_coordinator_activity_idx` ON `cases` (`coordinator`,`last_activity_on`) WHERE status = 'open' AND anonymised_at IS NULL;