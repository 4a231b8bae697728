DROP INDEX `district_changes_case_idx`;--> statement-breakpoint
CREATE INDEX `district_changes_case_idx` ON `case_district_changes` (`case_id`,`changed_on`,`district_id`);--> statement-breakpoint
DROP INDEX `events_kind_date_idx`;--> statement-breakpoint
CREATE INDEX `events_kind_date_idx` ON `case_events` (`kind`,`occurred_on`,`case_id`,`offence_category`);--> statement-breakpoint
DROP INDEX `level_changes_case_idx`;--> statement-breakpoint
CREATE INDEX `level_changes_case_idx` ON `case_level_changes` (`case_id`,`changed_on`,`level`);--> statement-breakpoint
DROP INDEX `status_changes_case_idx`;--> statement-breakpoint
CREATE INDEX `status_changes_case_idx` ON `case_status_changes` (`case_id`,`changed_on`,`kind`);--> statement-breakpoint
DROP INDEX `cases_person_idx`;--> statement-breakpoint
CREATE INDEX `cases_person_idx` ON `cases` (`person_id`,`opened_on`,`level`,`district_id`);--> statement-breakpoint
CREATE INDEX `people_report_idx` ON `people` (`district_id`,`sex`,`birth_date`);