ALTER TABLE `districts` ADD `code` text;--> statement-breakpoint
ALTER TABLE `districts` ADD `areas` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `districts_code_unique` ON `districts` (`code`);--> statement-breakpoint
-- Copenhagen's ten districts get their bydel's code and cover the whole bydel; any other district a code from its id, not mapped.
UPDATE `districts` SET `code` = 'indre-by', `areas` = 'indre-by' WHERE `name` = 'Indre By';--> statement-breakpoint
UPDATE `districts` SET `code` = 'oesterbro', `areas` = 'oesterbro' WHERE `name` = 'Østerbro';--> statement-breakpoint
UPDATE `districts` SET `code` = 'noerrebro', `areas` = 'noerrebro' WHERE `name` = 'Nørrebro';--> statement-breakpoint
UPDATE `districts` SET `code` = 'vesterbro-kongens-enghave', `areas` = 'vesterbro-kongens-enghave' WHERE `name` = 'Vesterbro/Kongens Enghave';--> statement-breakpoint
UPDATE `districts` SET `code` = 'valby', `areas` = 'valby' WHERE `name` = 'Valby';--> statement-breakpoint
UPDATE `districts` SET `code` = 'vanloese', `areas` = 'vanloese' WHERE `name` = 'Vanløse';--> statement-breakpoint
UPDATE `districts` SET `code` = 'broenshoej-husum', `areas` = 'broenshoej-husum' WHERE `name` = 'Brønshøj-Husum';--> statement-breakpoint
UPDATE `districts` SET `code` = 'bispebjerg', `areas` = 'bispebjerg' WHERE `name` = 'Bispebjerg';--> statement-breakpoint
UPDATE `districts` SET `code` = 'amager-oest', `areas` = 'amager-oest' WHERE `name` = 'Amager Øst';--> statement-breakpoint
UPDATE `districts` SET `code` = 'amager-vest', `areas` = 'amager-vest' WHERE `name` = 'Amager Vest';--> statement-breakpoint
UPDATE `districts` SET `code` = 'distrikt-' || `id` WHERE `code` IS NULL;
