CREATE TABLE `custody_institutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `custody_institutions_name_unique` ON `custody_institutions` (`name`);--> statement-breakpoint
CREATE TABLE `custody_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`type` text NOT NULL,
	`imprisoned_on` text NOT NULL,
	`expected_release_on` text,
	`parole_on` text,
	`released_on` text,
	`handleplan_on` text,
	`municipality_contacted_on` text,
	`parole_decision_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `custody_institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `custody_person_idx` ON `custody_periods` (`person_id`);--> statement-breakpoint
CREATE INDEX `custody_released_idx` ON `custody_periods` (`released_on`);--> statement-breakpoint
CREATE INDEX `custody_expected_idx` ON `custody_periods` (`expected_release_on`);--> statement-breakpoint
CREATE TABLE `release_action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner` text NOT NULL,
	`deadline` text,
	`done_on` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `release_meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `release_actions_meeting_idx` ON `release_action_items` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `release_actions_deadline_idx` ON `release_action_items` (`deadline`);--> statement-breakpoint
CREATE TABLE `release_checklist_items` (
	`meeting_id` integer NOT NULL,
	`item` text NOT NULL,
	`status` text NOT NULL,
	`owner` text,
	`deadline` text,
	`note` text,
	PRIMARY KEY(`meeting_id`, `item`),
	FOREIGN KEY (`meeting_id`) REFERENCES `release_meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `release_followups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`custody_id` integer NOT NULL,
	`months` integer NOT NULL,
	`due_on` text NOT NULL,
	`outcome` text NOT NULL,
	`new_charge` integer NOT NULL,
	`recorded_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`custody_id`) REFERENCES `custody_periods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `release_followups_one_per_milestone` ON `release_followups` (`custody_id`,`months`);--> statement-breakpoint
CREATE INDEX `release_followups_due_idx` ON `release_followups` (`due_on`);--> statement-breakpoint
CREATE TABLE `release_meeting_participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`name` text NOT NULL,
	`partner` text NOT NULL,
	`organisation` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `release_meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `release_participants_meeting_idx` ON `release_meeting_participants` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `release_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`custody_id` integer NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`place` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`custody_id`) REFERENCES `custody_periods`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `release_meetings_custody_idx` ON `release_meetings` (`custody_id`,`held_on`);--> statement-breakpoint
CREATE INDEX `release_meetings_held_idx` ON `release_meetings` (`held_on`);