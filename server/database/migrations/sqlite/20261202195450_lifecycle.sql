-- +goose Up
-- Decisions recorded before reasons were required (DC1) say so.
UPDATE decisions SET reasoning = 'Begrunnelsen ble ikke registrert.' WHERE reasoning IS NULL OR reasoning = '';
-- DRAFT was never a notice's status in use; a notice starts HELD.
UPDATE notices SET status = 'HELD' WHERE status = 'DRAFT';
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- add column "representative_name" to table: "appeals"
ALTER TABLE `appeals` ADD COLUMN `representative_name` text NULL;
-- create "new_decisions" table
CREATE TABLE `new_decisions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('IN_FORCE'), `level` text NOT NULL, `reasoning` text NOT NULL, `reasons_withheld` text NULL, `decided_at` datetime NOT NULL, `convict_informed_at` datetime NULL, `convict_informed_how` text NULL, `informing_impracticable_reason` text NULL, `oral_appeal_answer` text NULL, `appeal_deadline` datetime NULL, `custody_event_id` integer NOT NULL, `deciding_unit_id` integer NOT NULL, `decision_decided_by` integer NULL, `decision_convict_informed_by` integer NULL, CONSTRAINT `decisions_custody_events_decisions` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `decisions_units_deciding_unit` FOREIGN KEY (`deciding_unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `decisions_staff_members_decided_by` FOREIGN KEY (`decision_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `decisions_staff_members_convict_informed_by` FOREIGN KEY (`decision_convict_informed_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_decisions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_decisions", 34359738368);
-- copy rows from old table "decisions" to new temporary table "new_decisions"
INSERT INTO `new_decisions` (`id`, `created_at`, `updated_at`, `status`, `level`, `reasoning`, `decided_at`, `convict_informed_at`, `convict_informed_how`, `informing_impracticable_reason`, `oral_appeal_answer`, `appeal_deadline`, `custody_event_id`, `deciding_unit_id`, `decision_decided_by`, `decision_convict_informed_by`) SELECT `id`, `created_at`, `updated_at`, `status`, `level`, `reasoning`, `decided_at`, `convict_informed_at`, `convict_informed_how`, `informing_impracticable_reason`, `oral_appeal_answer`, `appeal_deadline`, `custody_event_id`, `deciding_unit_id`, `decision_decided_by`, `decision_convict_informed_by` FROM `decisions`;
-- drop "decisions" table after copying rows
DROP TABLE `decisions`;
-- rename temporary table "new_decisions" to "decisions"
ALTER TABLE `new_decisions` RENAME TO `decisions`;
-- create index "decision_custody_event_id" to table: "decisions"
CREATE UNIQUE INDEX `decision_custody_event_id` ON `decisions` (`custody_event_id`) WHERE status = 'IN_FORCE';
-- create index "decision_custody_event" to table: "decisions"
CREATE INDEX `decision_custody_event` ON `decisions` (`custody_event_id`);
-- create "new_notices" table
CREATE TABLE `new_notices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('HELD'), `route` text NOT NULL, `channel` text NULL, `due_date` datetime NOT NULL, `late` bool NOT NULL DEFAULT (false), `late_justification` text NULL, `early_release_justification` text NULL, `content` json NOT NULL, `written_standard` text NOT NULL, `dedupe_key` text NOT NULL, `sent_at` datetime NULL, `delivered_at` datetime NULL, `phone_reason` text NULL, `phone_documented_at` datetime NULL, `phone_documentation` text NULL, `cancelled_at` datetime NULL, `cancel_reason` text NULL, `custody_event_id` integer NOT NULL, `assessment_id` integer NOT NULL, `victim_id` integer NULL, `survivor_id` integer NULL, `guardian_id` integer NULL, `police_district_id` integer NULL, CONSTRAINT `notices_custody_events_notices` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `notices_assessments_assessment` FOREIGN KEY (`assessment_id`) REFERENCES `assessments` (`id`) ON DELETE NO ACTION, CONSTRAINT `notices_victims_victim` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_survivors_survivor` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_guardians_guardian` FOREIGN KEY (`guardian_id`) REFERENCES `guardians` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE SET NULL);
-- set sequence for "new_notices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_notices", 55834574848);
-- copy rows from old table "notices" to new temporary table "new_notices"
INSERT INTO `new_notices` (`id`, `created_at`, `updated_at`, `status`, `route`, `channel`, `due_date`, `late`, `late_justification`, `early_release_justification`, `content`, `written_standard`, `dedupe_key`, `sent_at`, `delivered_at`, `phone_reason`, `phone_documented_at`, `phone_documentation`, `cancelled_at`, `cancel_reason`, `custody_event_id`, `assessment_id`, `victim_id`, `survivor_id`, `guardian_id`, `police_district_id`) SELECT `id`, `created_at`, `updated_at`, IFNULL(`status`, ('HELD')) AS `status`, `route`, `channel`, `due_date`, `late`, `late_justification`, `early_release_justification`, `content`, `written_standard`, `dedupe_key`, `sent_at`, `delivered_at`, `phone_reason`, `phone_documented_at`, `phone_documentation`, `cancelled_at`, `cancel_reason`, `custody_event_id`, `assessment_id`, `victim_id`, `survivor_id`, `guardian_id`, `police_district_id` FROM `notices`;
-- drop "notices" table after copying rows
DROP TABLE `notices`;
-- rename temporary table "new_notices" to "notices"
ALTER TABLE `new_notices` RENAME TO `notices`;
-- create index "notice_status_due_date" to table: "notices"
CREATE INDEX `notice_status_due_date` ON `notices` (`status`, `due_date`);
-- create index "notice_custody_event_id" to table: "notices"
CREATE INDEX `notice_custody_event_id` ON `notices` (`custody_event_id`);
-- create index "notice_active_dedupe" to table: "notices"
CREATE UNIQUE INDEX `notice_active_dedupe` ON `notices` (`dedupe_key`) WHERE status <> 'CANCELLED';
-- create "new_security_assessments" table
CREATE TABLE `new_security_assessments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL DEFAULT ('ASSESSMENT'), `outcome` text NOT NULL, `reasoning` text NOT NULL, `police_statement` text NULL, `police_statement_at` datetime NULL, `assessed_at` datetime NOT NULL, `custody_event_id` integer NOT NULL, `security_assessment_police_request` integer NULL, `security_assessment_assessed_by` integer NULL, CONSTRAINT `security_assessments_custody_events_security_assessments` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `security_assessments_police_requests_police_request` FOREIGN KEY (`security_assessment_police_request`) REFERENCES `police_requests` (`id`) ON DELETE SET NULL, CONSTRAINT `security_assessments_staff_members_assessed_by` FOREIGN KEY (`security_assessment_assessed_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_security_assessments" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_security_assessments", 77309411328);
-- copy rows from old table "security_assessments" to new temporary table "new_security_assessments"
INSERT INTO `new_security_assessments` (`id`, `created_at`, `updated_at`, `outcome`, `reasoning`, `police_statement`, `assessed_at`, `custody_event_id`, `security_assessment_police_request`, `security_assessment_assessed_by`) SELECT `id`, `created_at`, `updated_at`, `outcome`, `reasoning`, `police_statement`, `assessed_at`, `custody_event_id`, `security_assessment_police_request`, `security_assessment_assessed_by` FROM `security_assessments`;
-- drop "security_assessments" table after copying rows
DROP TABLE `security_assessments`;
-- rename temporary table "new_security_assessments" to "security_assessments"
ALTER TABLE `new_security_assessments` RENAME TO `security_assessments`;
-- create index "securityassessment_custody_event_id" to table: "security_assessments"
CREATE INDEX `securityassessment_custody_event_id` ON `security_assessments` (`custody_event_id`);
-- create "new_disclosures" table
CREATE TABLE `new_disclosures` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `direction` text NOT NULL, `category` text NOT NULL, `summary` text NOT NULL, `purpose` text NOT NULL, `recipient` text NOT NULL, `legal_basis` text NOT NULL, `register` text NULL, `averts_imprisonable_offence` bool NOT NULL DEFAULT (false), `decided_by_name` text NOT NULL, `decided_at` datetime NOT NULL, `form` text NOT NULL, `unverified` bool NOT NULL DEFAULT (false), `verified_at` datetime NULL, `verification` text NULL, `decision_basis` text NULL, `source` text NULL, `expires_on` datetime NULL, `convict_id` integer NOT NULL, `unit_id` integer NOT NULL, `police_district_id` integer NOT NULL, `police_report_id` integer NULL, `disclosure_decided_by` integer NULL, `disclosure_recorded_by` integer NULL, `disclosure_verified_by` integer NULL, CONSTRAINT `disclosures_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_police_reports_police_report` FOREIGN KEY (`police_report_id`) REFERENCES `police_reports` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_decided_by` FOREIGN KEY (`disclosure_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_recorded_by` FOREIGN KEY (`disclosure_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_verified_by` FOREIGN KEY (`disclosure_verified_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_disclosures" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_disclosures", 42949672960);
-- copy rows from old table "disclosures" to new temporary table "new_disclosures"
INSERT INTO `new_disclosures` (`id`, `created_at`, `updated_at`, `direction`, `category`, `summary`, `purpose`, `recipient`, `legal_basis`, `register`, `averts_imprisonable_offence`, `decided_by_name`, `decided_at`, `form`, `unverified`, `source`, `expires_on`, `convict_id`, `unit_id`, `police_district_id`, `police_report_id`, `disclosure_decided_by`, `disclosure_recorded_by`) SELECT `id`, `created_at`, `updated_at`, `direction`, `category`, `summary`, `purpose`, `recipient`, `legal_basis`, `register`, `averts_imprisonable_offence`, `decided_by_name`, `decided_at`, `form`, `unverified`, `source`, `expires_on`, `convict_id`, `unit_id`, `police_district_id`, `police_report_id`, `disclosure_decided_by`, `disclosure_recorded_by` FROM `disclosures`;
-- drop "disclosures" table after copying rows
DROP TABLE `disclosures`;
-- rename temporary table "new_disclosures" to "disclosures"
ALTER TABLE `new_disclosures` RENAME TO `disclosures`;
-- create index "disclosure_unit_id_decided_at" to table: "disclosures"
CREATE INDEX `disclosure_unit_id_decided_at` ON `disclosures` (`unit_id`, `decided_at`);
-- create index "disclosure_police_district_id_decided_at" to table: "disclosures"
CREATE INDEX `disclosure_police_district_id_decided_at` ON `disclosures` (`police_district_id`, `decided_at`);
-- create index "disclosure_convict_id" to table: "disclosures"
CREATE INDEX `disclosure_convict_id` ON `disclosures` (`convict_id`);
-- create index "disclosure_expires_on" to table: "disclosures"
CREATE INDEX `disclosure_expires_on` ON `disclosures` (`expires_on`);
-- add column "withdrawn_at" to table: "police_requests"
ALTER TABLE `police_requests` ADD COLUMN `withdrawn_at` datetime NULL;
-- add column "withdraw_reason" to table: "police_requests"
ALTER TABLE `police_requests` ADD COLUMN `withdraw_reason` text NULL;
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: add column "withdraw_reason" to table: "police_requests"
ALTER TABLE `police_requests` DROP COLUMN `withdraw_reason`;
-- reverse: add column "withdrawn_at" to table: "police_requests"
ALTER TABLE `police_requests` DROP COLUMN `withdrawn_at`;
-- reverse: create index "disclosure_expires_on" to table: "disclosures"
DROP INDEX `disclosure_expires_on`;
-- reverse: create index "disclosure_convict_id" to table: "disclosures"
DROP INDEX `disclosure_convict_id`;
-- reverse: create index "disclosure_police_district_id_decided_at" to table: "disclosures"
DROP INDEX `disclosure_police_district_id_decided_at`;
-- reverse: create index "disclosure_unit_id_decided_at" to table: "disclosures"
DROP INDEX `disclosure_unit_id_decided_at`;
-- reverse: set sequence for "new_disclosures" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_disclosures";
-- reverse: create "new_disclosures" table
DROP TABLE `new_disclosures`;
-- reverse: create index "securityassessment_custody_event_id" to table: "security_assessments"
DROP INDEX `securityassessment_custody_event_id`;
-- reverse: set sequence for "new_security_assessments" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_security_assessments";
-- reverse: create "new_security_assessments" table
DROP TABLE `new_security_assessments`;
-- reverse: create index "notice_active_dedupe" to table: "notices"
DROP INDEX `notice_active_dedupe`;
-- reverse: create index "notice_custody_event_id" to table: "notices"
DROP INDEX `notice_custody_event_id`;
-- reverse: create index "notice_status_due_date" to table: "notices"
DROP INDEX `notice_status_due_date`;
-- reverse: set sequence for "new_notices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_notices";
-- reverse: create "new_notices" table
DROP TABLE `new_notices`;
-- reverse: create index "decision_custody_event" to table: "decisions"
DROP INDEX `decision_custody_event`;
-- reverse: create index "decision_custody_event_id" to table: "decisions"
DROP INDEX `decision_custody_event_id`;
-- reverse: set sequence for "new_decisions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_decisions";
-- reverse: create "new_decisions" table
DROP TABLE `new_decisions`;
-- reverse: add column "representative_name" to table: "appeals"
ALTER TABLE `appeals` DROP COLUMN `representative_name`;
