CREATE TABLE `case_district_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`district_id` integer,
	`changed_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `district_changes_case_idx` ON `case_district_changes` (`case_id`,`changed_on`);--> statement-breakpoint
INSERT INTO `case_district_changes` (`case_id`, `district_id`, `changed_on`, `created_at`)
SELECT c.`id`, COALESCE(c.`district_id`, p.`district_id`), c.`opened_on`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `cases` c JOIN `people` p ON p.`id` = c.`person_id`;
