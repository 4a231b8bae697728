CREATE TABLE `case_handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`bundle_id` text NOT NULL,
	`recipient_fingerprint` text NOT NULL,
	`handover_date` text NOT NULL,
	`state` text NOT NULL,
	`created_at` text NOT NULL,
	`settled_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_handovers_bundle_case` ON `case_handovers` (`bundle_id`,`case_id`);--> statement-breakpoint
CREATE INDEX `case_handovers_person_idx` ON `case_handovers` (`person_id`,`state`);--> statement-breakpoint
CREATE INDEX `case_handovers_case_idx` ON `case_handovers` (`case_id`,`state`);--> statement-breakpoint
CREATE TABLE `handover_unlock` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `handover_imports` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`person_id` integer NOT NULL,
	`case_ids` text NOT NULL,
	`sender_fingerprint` text NOT NULL,
	`handover_date` text NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- Handed-over people are read-only: printed by scripts/handover-lock-triggers.mjs.
--> statement-breakpoint
CREATE TRIGGER `handover_lock_people_insert` BEFORE INSERT ON `people`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (NEW.id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_people_update` BEFORE UPDATE ON `people`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.id, NEW.id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_people_delete` BEFORE DELETE ON `people`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_contacts_insert` BEFORE INSERT ON `contacts`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_contacts_update` BEFORE UPDATE ON `contacts`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id, NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_contacts_delete` BEFORE DELETE ON `contacts`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_cases_insert` BEFORE INSERT ON `cases`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_cases_update` BEFORE UPDATE ON `cases`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id, NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_cases_delete` BEFORE DELETE ON `cases`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_exit_courses_insert` BEFORE INSERT ON `exit_courses`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_exit_courses_update` BEFORE UPDATE ON `exit_courses`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id, NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_exit_courses_delete` BEFORE DELETE ON `exit_courses`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_custody_periods_insert` BEFORE INSERT ON `custody_periods`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_custody_periods_update` BEFORE UPDATE ON `custody_periods`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id, NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_custody_periods_delete` BEFORE DELETE ON `custody_periods`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_plans_insert` BEFORE INSERT ON `sspplus_plans`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_plans_update` BEFORE UPDATE ON `sspplus_plans`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id, NEW.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_plans_delete` BEFORE DELETE ON `sspplus_plans`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN (OLD.person_id) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_level_changes_insert` BEFORE INSERT ON `case_level_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_level_changes_update` BEFORE UPDATE ON `case_level_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_level_changes_delete` BEFORE DELETE ON `case_level_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_district_changes_insert` BEFORE INSERT ON `case_district_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_district_changes_update` BEFORE UPDATE ON `case_district_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_district_changes_delete` BEFORE DELETE ON `case_district_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_status_changes_insert` BEFORE INSERT ON `case_status_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_status_changes_update` BEFORE UPDATE ON `case_status_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_status_changes_delete` BEFORE DELETE ON `case_status_changes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_events_insert` BEFORE INSERT ON `case_events`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_events_update` BEFORE UPDATE ON `case_events`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_events_delete` BEFORE DELETE ON `case_events`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_notes_insert` BEFORE INSERT ON `case_notes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_notes_update` BEFORE UPDATE ON `case_notes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_notes_delete` BEFORE DELETE ON `case_notes`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_youth_group_members_insert` BEFORE INSERT ON `youth_group_members`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_youth_group_members_update` BEFORE UPDATE ON `youth_group_members`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_youth_group_members_delete` BEFORE DELETE ON `youth_group_members`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_agenda_items_insert` BEFORE INSERT ON `meeting_agenda_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_agenda_items_update` BEFORE UPDATE ON `meeting_agenda_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_agenda_items_delete` BEFORE DELETE ON `meeting_agenda_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_decisions_insert` BEFORE INSERT ON `meeting_decisions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_decisions_update` BEFORE UPDATE ON `meeting_decisions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_decisions_delete` BEFORE DELETE ON `meeting_decisions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_actions_insert` BEFORE INSERT ON `meeting_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_actions_update` BEFORE UPDATE ON `meeting_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_meeting_actions_delete` BEFORE DELETE ON `meeting_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_actions_insert` BEFORE INSERT ON `case_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_actions_update` BEFORE UPDATE ON `case_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id), (SELECT person_id FROM cases WHERE id = NEW.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_case_actions_delete` BEFORE DELETE ON `case_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM cases WHERE id = OLD.case_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_plan_partners_insert` BEFORE INSERT ON `sspplus_plan_partners`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_plan_partners_update` BEFORE UPDATE ON `sspplus_plan_partners`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id), (SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_plan_partners_delete` BEFORE DELETE ON `sspplus_plan_partners`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_areas_insert` BEFORE INSERT ON `sspplus_areas`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_areas_update` BEFORE UPDATE ON `sspplus_areas`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id), (SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_areas_delete` BEFORE DELETE ON `sspplus_areas`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_actions_insert` BEFORE INSERT ON `sspplus_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_actions_update` BEFORE UPDATE ON `sspplus_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id), (SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_actions_delete` BEFORE DELETE ON `sspplus_actions`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_reviews_insert` BEFORE INSERT ON `sspplus_reviews`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_reviews_update` BEFORE UPDATE ON `sspplus_reviews`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id), (SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_reviews_delete` BEFORE DELETE ON `sspplus_reviews`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_follow_ups_insert` BEFORE INSERT ON `sspplus_follow_ups`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_follow_ups_update` BEFORE UPDATE ON `sspplus_follow_ups`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id), (SELECT person_id FROM sspplus_plans WHERE id = NEW.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_follow_ups_delete` BEFORE DELETE ON `sspplus_follow_ups`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM sspplus_plans WHERE id = OLD.plan_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_review_partners_insert` BEFORE INSERT ON `sspplus_review_partners`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = NEW.review_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_review_partners_update` BEFORE UPDATE ON `sspplus_review_partners`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = OLD.review_id), (SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = NEW.review_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_review_partners_delete` BEFORE DELETE ON `sspplus_review_partners`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = OLD.review_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_review_areas_insert` BEFORE INSERT ON `sspplus_review_areas`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = NEW.review_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_review_areas_update` BEFORE UPDATE ON `sspplus_review_areas`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = OLD.review_id), (SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = NEW.review_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_sspplus_review_areas_delete` BEFORE DELETE ON `sspplus_review_areas`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT p.person_id FROM sspplus_reviews r JOIN sspplus_plans p ON p.id = r.plan_id WHERE r.id = OLD.review_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_meetings_insert` BEFORE INSERT ON `release_meetings`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM custody_periods WHERE id = NEW.custody_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_meetings_update` BEFORE UPDATE ON `release_meetings`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM custody_periods WHERE id = OLD.custody_id), (SELECT person_id FROM custody_periods WHERE id = NEW.custody_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_meetings_delete` BEFORE DELETE ON `release_meetings`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM custody_periods WHERE id = OLD.custody_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_followups_insert` BEFORE INSERT ON `release_followups`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM custody_periods WHERE id = NEW.custody_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_followups_update` BEFORE UPDATE ON `release_followups`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM custody_periods WHERE id = OLD.custody_id), (SELECT person_id FROM custody_periods WHERE id = NEW.custody_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_followups_delete` BEFORE DELETE ON `release_followups`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT person_id FROM custody_periods WHERE id = OLD.custody_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_meeting_participants_insert` BEFORE INSERT ON `release_meeting_participants`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = NEW.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_meeting_participants_update` BEFORE UPDATE ON `release_meeting_participants`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = OLD.meeting_id), (SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = NEW.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_meeting_participants_delete` BEFORE DELETE ON `release_meeting_participants`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = OLD.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_checklist_items_insert` BEFORE INSERT ON `release_checklist_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = NEW.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_checklist_items_update` BEFORE UPDATE ON `release_checklist_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = OLD.meeting_id), (SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = NEW.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_checklist_items_delete` BEFORE DELETE ON `release_checklist_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = OLD.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_action_items_insert` BEFORE INSERT ON `release_action_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = NEW.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_action_items_update` BEFORE UPDATE ON `release_action_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = OLD.meeting_id), (SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = NEW.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
--> statement-breakpoint
CREATE TRIGGER `handover_lock_release_action_items_delete` BEFORE DELETE ON `release_action_items`
WHEN EXISTS (SELECT 1 FROM case_handovers) AND NOT EXISTS (SELECT 1 FROM handover_unlock) AND EXISTS (SELECT 1 FROM case_handovers h WHERE h.person_id IN ((SELECT c.person_id FROM release_meetings m JOIN custody_periods c ON c.id = m.custody_id WHERE m.id = OLD.meeting_id)) AND h.state <> 'refused')
BEGIN
  SELECT RAISE(ABORT, 'HANDED_OVER');
END;
