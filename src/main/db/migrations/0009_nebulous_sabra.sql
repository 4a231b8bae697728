ALTER TABLE `cases` ADD `anonymised_at` text;--> statement-breakpoint
ALTER TABLE `people` ADD `anonymised_at` text;