-- The programme's efforts missing from the first default list (issue 19): added to every vault
-- once; a vault that already has an effort of the same name keeps its own.
INSERT OR IGNORE INTO `efforts` (`name`) VALUES ('Exit');--> statement-breakpoint
INSERT OR IGNORE INTO `efforts` (`name`) VALUES ('Københavnerteamet');--> statement-breakpoint
INSERT OR IGNORE INTO `efforts` (`name`) VALUES ('18+ center');--> statement-breakpoint
INSERT OR IGNORE INTO `efforts` (`name`) VALUES ('Fritidsjob med mentor');
