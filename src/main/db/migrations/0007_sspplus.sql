CREATE TABLE `sspplus_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`area` text NOT NULL,
	`description` text NOT NULL,
	`partner_id` integer,
	`deadline` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `sspplus_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `sspplus_partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sspplus_actions_plan_idx` ON `sspplus_actions` (`plan_id`);--> statement-breakpoint
CREATE INDEX `sspplus_actions_deadline_idx` ON `sspplus_actions` (`status`,`deadline`);--> statement-breakpoint
CREATE TABLE `sspplus_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`area` text NOT NULL,
	`current_situation` text DEFAULT '' NOT NULL,
	`goal` text DEFAULT '' NOT NULL,
	`progress_notes` text DEFAULT '' NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `sspplus_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sspplus_areas_plan_area` ON `sspplus_areas` (`plan_id`,`area`);--> statement-breakpoint
CREATE TABLE `sspplus_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`months` integer NOT NULL,
	`due_on` text NOT NULL,
	`outcome` text,
	`recorded_on` text,
	FOREIGN KEY (`plan_id`) REFERENCES `sspplus_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sspplus_follow_ups_plan_months` ON `sspplus_follow_ups` (`plan_id`,`months`);--> statement-breakpoint
CREATE INDEX `sspplus_follow_ups_due_idx` ON `sspplus_follow_ups` (`due_on`);--> statement-breakpoint
CREATE TABLE `sspplus_partners` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`sort_order` integer DEFAULT 100 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sspplus_partners_name_unique` ON `sspplus_partners` (`name`);--> statement-breakpoint
CREATE TABLE `sspplus_plan_partners` (
	`plan_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `partner_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `sspplus_plans`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `sspplus_partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sspplus_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`case_id` integer NOT NULL,
	`status` text NOT NULL,
	`start_date` text NOT NULL,
	`coordinator` text NOT NULL,
	`review_interval_months` integer DEFAULT 3 NOT NULL,
	`consent_date` text,
	`consent_scope` text,
	`end_date` text,
	`end_reason` text,
	`end_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sspplus_one_active_per_person` ON `sspplus_plans` (`person_id`) WHERE status = 'active';--> statement-breakpoint
CREATE INDEX `sspplus_plans_status_idx` ON `sspplus_plans` (`status`,`start_date`);--> statement-breakpoint
CREATE TABLE `sspplus_review_areas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`review_id` integer NOT NULL,
	`area` text NOT NULL,
	`status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `sspplus_reviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sspplus_review_areas_review_area` ON `sspplus_review_areas` (`review_id`,`area`);--> statement-breakpoint
CREATE TABLE `sspplus_review_partners` (
	`review_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	PRIMARY KEY(`review_id`, `partner_id`),
	FOREIGN KEY (`review_id`) REFERENCES `sspplus_reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `sspplus_partners`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sspplus_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`held_on` text NOT NULL,
	`kind` text NOT NULL,
	`trigger` text,
	`participants_note` text DEFAULT '' NOT NULL,
	`changes` text DEFAULT '' NOT NULL,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `sspplus_plans`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sspplus_reviews_plan_idx` ON `sspplus_reviews` (`plan_id`,`held_on`);