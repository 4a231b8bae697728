DROP INDEX `people_birth_idx`;--> statement-breakpoint
CREATE INDEX `people_birth_name_idx` ON `people` (`birth_date`,`first_name`,`last_name`);--> statement-breakpoint
CREATE INDEX `cases_open_person_cover_idx` ON `cases` (`person_id`,`status`,`anonymised_at`,`level`,`case_number`,`coordinator`) WHERE status = 'open' AND anonymised_at IS NULL;