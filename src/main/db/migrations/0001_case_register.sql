CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`offence_category` text,
	`effort_id` integer,
	`description` text,
	`meeting_id` integer,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`effort_id`) REFERENCES `efforts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `events_case_idx` ON `case_events` (`case_id`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `events_kind_date_idx` ON `case_events` (`kind`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `case_level_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`changed_on` text NOT NULL,
	`level` integer NOT NULL,
	`reason` text NOT NULL,
	`forum` text NOT NULL,
	`meeting_id` integer,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `level_changes_case_idx` ON `case_level_changes` (`case_id`,`changed_on`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`author` text NOT NULL,
	`written_at` text NOT NULL,
	`text` text NOT NULL,
	`corrects_note_id` integer,
	`meeting_id` integer,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`corrects_note_id`) REFERENCES `case_notes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notes_case_idx` ON `case_notes` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`changed_on` text NOT NULL,
	`closing_reason` text,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `status_changes_case_idx` ON `case_status_changes` (`case_id`,`changed_on`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_number` text NOT NULL,
	`external_ref` text,
	`person_id` integer NOT NULL,
	`district_id` integer,
	`coordinator` text,
	`forum` text NOT NULL,
	`level` integer NOT NULL,
	`status` text NOT NULL,
	`opened_on` text NOT NULL,
	`next_review_on` text,
	`closed_on` text,
	`closing_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_number_unique` ON `cases` (`case_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_one_open_per_person` ON `cases` (`person_id`) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX `cases_list_idx` ON `cases` (`status`,`level`,`district_id`);--> statement-breakpoint
CREATE INDEX `cases_review_idx` ON `cases` (`next_review_on`);--> statement-breakpoint
CREATE INDEX `cases_person_idx` ON `cases` (`person_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`name` text NOT NULL,
	`relation` text NOT NULL,
	`phone` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `districts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `districts_name_unique` ON `districts` (`name`);--> statement-breakpoint
CREATE TABLE `efforts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `efforts_name_unique` ON `efforts` (`name`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`search_name` text NOT NULL,
	`sort_name` text NOT NULL,
	`cpr` text,
	`birth_date` text NOT NULL,
	`sex` text NOT NULL,
	`sex_from_cpr` integer DEFAULT false NOT NULL,
	`district_id` integer,
	`school` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_cpr_unique` ON `people` (`cpr`);--> statement-breakpoint
CREATE INDEX `people_birth_idx` ON `people` (`birth_date`);--> statement-breakpoint
CREATE INDEX `people_sort_idx` ON `people` (`sort_name`);