CREATE TABLE `handover_colleagues` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`x25519_public` text NOT NULL,
	`ed25519_public` text NOT NULL,
	`fingerprint` text NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handover_colleagues_fingerprint_unique` ON `handover_colleagues` (`fingerprint`);--> statement-breakpoint
CREATE TABLE `handover_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`x25519_secret` text NOT NULL,
	`x25519_public` text NOT NULL,
	`ed25519_secret` text NOT NULL,
	`ed25519_public` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `handover_log` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`peer_fingerprint` text NOT NULL,
	`person_id` integer,
	`case_ids` text NOT NULL,
	`created_at` text NOT NULL,
	`valid_until` text NOT NULL,
	`outcome` text DEFAULT 'pending' NOT NULL,
	`reason_code` text,
	`settled_at` text
);
--> statement-breakpoint
CREATE INDEX `handover_log_person_idx` ON `handover_log` (`person_id`,`direction`);