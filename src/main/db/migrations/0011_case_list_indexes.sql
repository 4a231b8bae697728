DROP INDEX `cases_list_idx`;--> statement-breakpoint
CREATE INDEX `cases_active_idx` ON `cases` (`status`,`anonymised_at`,`case_number`);--> statement-breakpoint
CREATE INDEX `cases_active_review_idx` ON `cases` (`status`,`anonymised_at`,`next_review_on`);--> statement-breakpoint
CREATE INDEX `cases_active_opened_idx` ON `cases` (`status`,`anonymised_at`,`opened_on`);--> statement-breakpoint
CREATE INDEX `cases_coordinator_idx` ON `cases` (`coordinator`);--> statement-breakpoint
CREATE INDEX `cases_list_idx` ON `cases` (`status`,`level`,`district_id`,`anonymised_at`);