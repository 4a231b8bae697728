CREATE TABLE `forum_districts` (
	`forum_id` integer NOT NULL,
	`district_id` integer NOT NULL,
	PRIMARY KEY(`forum_id`, `district_id`),
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`district_id`) REFERENCES `districts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `forum_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` integer NOT NULL,
	`name` text NOT NULL,
	`partner` text NOT NULL,
	`title` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `forum_members_forum_idx` ON `forum_members` (`forum_id`);--> statement-breakpoint
CREATE TABLE `forums` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`minutes_show_names` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forums_name_unique` ON `forums` (`name`);--> statement-breakpoint
CREATE TABLE `meeting_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`decision_id` integer NOT NULL,
	`meeting_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`description` text NOT NULL,
	`partner` text NOT NULL,
	`deadline` text NOT NULL,
	FOREIGN KEY (`decision_id`) REFERENCES `meeting_decisions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `actions_case_idx` ON `meeting_actions` (`case_id`,`deadline`);--> statement-breakpoint
CREATE TABLE `meeting_agenda_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`case_id` integer,
	`title` text,
	`reasons` text DEFAULT '' NOT NULL,
	`point_note` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `agenda_meeting_idx` ON `meeting_agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_one_case_per_meeting` ON `meeting_agenda_items` (`meeting_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`member_id` integer,
	`name` text NOT NULL,
	`partner` text NOT NULL,
	`guest` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `forum_members`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `meeting_attendees_meeting_idx` ON `meeting_attendees` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meeting_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`level_before` integer NOT NULL,
	`level_after` integer,
	`level_reason` text,
	`level_change_id` integer,
	`next_review_on` text,
	`note` text,
	`note_id` integer,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `meeting_agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`level_change_id`) REFERENCES `case_level_changes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`note_id`) REFERENCES `case_notes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decisions_one_per_item` ON `meeting_decisions` (`agenda_item_id`);--> statement-breakpoint
CREATE INDEX `decisions_case_idx` ON `meeting_decisions` (`case_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`forum_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`starts_at` text,
	`location` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_one_per_forum_day` ON `meetings` (`forum_id`,`held_on`);