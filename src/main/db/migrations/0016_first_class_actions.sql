CREATE TABLE `case_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`description` text NOT NULL,
	`partner` text NOT NULL,
	`deadline` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`closed_on` text,
	`drop_reason` text,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_actions_case_idx` ON `case_actions` (`case_id`,`deadline`);--> statement-breakpoint
CREATE INDEX `case_actions_open_idx` ON `case_actions` (`status`,`deadline`);--> statement-breakpoint
ALTER TABLE `meeting_actions` ADD `status` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `meeting_actions` ADD `closed_on` text;--> statement-breakpoint
ALTER TABLE `meeting_actions` ADD `drop_reason` text;--> statement-breakpoint
CREATE INDEX `actions_open_deadline_idx` ON `meeting_actions` (`status`,`deadline`);--> statement-breakpoint
ALTER TABLE `release_action_items` ADD `status` text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE `release_action_items` ADD `dropped_on` text;--> statement-breakpoint
ALTER TABLE `release_action_items` ADD `drop_reason` text;--> statement-breakpoint
UPDATE `release_action_items` SET `status` = 'done' WHERE `done_on` IS NOT NULL;
