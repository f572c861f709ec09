-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_decisions" table
CREATE TABLE `new_decisions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('IN_FORCE'), `level` text NOT NULL, `reasoning` text NOT NULL, `reasons_withheld` text NULL, `decided_at` datetime NOT NULL, `convict_informed_at` datetime NULL, `convict_informed_how` text NULL, `informing_impracticable_reason` text NULL, `oral_appeal_answer` text NULL, `appeal_deadline` datetime NULL, `withdrawn_at` datetime NULL, `withdraw_reason` text NULL, `custody_event_id` integer NOT NULL, `deciding_unit_id` integer NOT NULL, `decision_decided_by` integer NULL, `decision_convict_informed_by` integer NULL, `decision_withdrawn_by` integer NULL, CONSTRAINT `decisions_custody_events_decisions` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `decisions_units_deciding_unit` FOREIGN KEY (`deciding_unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `decisions_staff_members_decided_by` FOREIGN KEY (`decision_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `decisions_staff_members_convict_informed_by` FOREIGN KEY (`decision_convict_informed_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `decisions_staff_members_withdrawn_by` FOREIGN KEY (`decision_withdrawn_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_decisions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_decisions", 34359738368);
-- copy rows from old table "decisions" to new temporary table "new_decisions"
INSERT INTO `new_decisions` (`id`, `created_at`, `updated_at`, `status`, `level`, `reasoning`, `reasons_withheld`, `decided_at`, `convict_informed_at`, `convict_informed_how`, `informing_impracticable_reason`, `oral_appeal_answer`, `appeal_deadline`, `custody_event_id`, `deciding_unit_id`, `decision_decided_by`, `decision_convict_informed_by`) SELECT `id`, `created_at`, `updated_at`, `status`, `level`, `reasoning`, `reasons_withheld`, `decided_at`, `convict_informed_at`, `convict_informed_how`, `informing_impracticable_reason`, `oral_appeal_answer`, `appeal_deadline`, `custody_event_id`, `deciding_unit_id`, `decision_decided_by`, `decision_convict_informed_by` FROM `decisions`;
-- drop "decisions" table after copying rows
DROP TABLE `decisions`;
-- rename temporary table "new_decisions" to "decisions"
ALTER TABLE `new_decisions` RENAME TO `decisions`;
-- create index "decision_custody_event_id" to table: "decisions"
CREATE UNIQUE INDEX `decision_custody_event_id` ON `decisions` (`custody_event_id`) WHERE status = 'IN_FORCE';
-- create index "decision_custody_event" to table: "decisions"
CREATE INDEX `decision_custody_event` ON `decisions` (`custody_event_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "decision_custody_event" to table: "decisions"
DROP INDEX `decision_custody_event`;
-- reverse: create index "decision_custody_event_id" to table: "decisions"
DROP INDEX `decision_custody_event_id`;
-- reverse: set sequence for "new_decisions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_decisions";
-- reverse: create "new_decisions" table
DROP TABLE `new_decisions`;
