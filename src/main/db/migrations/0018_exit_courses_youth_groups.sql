CREATE TABLE `exit_courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`programme` text NOT NULL,
	`start_on` text NOT NULL,
	`end_on` text,
	`contact_person` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exit_courses_person_idx` ON `exit_courses` (`person_id`);--> statement-breakpoint
CREATE INDEX `exit_courses_dates_idx` ON `exit_courses` (`start_on`,`end_on`);--> statement-breakpoint
CREATE TABLE `youth_group_members` (
	`group_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`added_on` text NOT NULL,
	PRIMARY KEY(`group_id`, `case_id`),
	FOREIGN KEY (`group_id`) REFERENCES `youth_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `youth_group_members_case_idx` ON `youth_group_members` (`case_id`);--> statement-breakpoint
CREATE TABLE `youth_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `youth_groups_name_unique` ON `youth_groups` (`name`);--> statement-breakpoint
ALTER TABLE `meeting_agenda_items` ADD `group_id` integer REFERENCES youth_groups(id);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_one_group_per_meeting` ON `meeting_agenda_items` (`meeting_id`,`group_id`);