ALTER TABLE `forums` ADD `privacy_level` text DEFAULT 'initials' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `privacy_level` text;