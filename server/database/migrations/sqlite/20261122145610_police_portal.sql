-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "document_marks" table
CREATE TABLE `document_marks` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `document_kind` text NOT NULL, `document_id` integer NOT NULL, `ground` text NOT NULL, `reasoning` text NOT NULL, `marked_at` datetime NOT NULL, `lifted_at` datetime NULL, `convict_id` integer NOT NULL, `document_mark_marked_by` integer NULL, `document_mark_lifted_by` integer NULL, CONSTRAINT `document_marks_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `document_marks_staff_members_marked_by` FOREIGN KEY (`document_mark_marked_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `document_marks_staff_members_lifted_by` FOREIGN KEY (`document_mark_lifted_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "document_marks" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("document_marks", 107374182400);
-- create index "documentmark_convict_id" to table: "document_marks"
CREATE INDEX `documentmark_convict_id` ON `document_marks` (`convict_id`);
-- create index "documentmark_document_kind_document_id" to table: "document_marks"
CREATE INDEX `documentmark_document_kind_document_id` ON `document_marks` (`document_kind`, `document_id`);
-- create "police_reports" table
CREATE TABLE `police_reports` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `summary` text NOT NULL, `reported_at` datetime NOT NULL, `acknowledged_at` datetime NULL, `reported_by_name` text NOT NULL, `convict_id` integer NOT NULL, `unit_id` integer NOT NULL, `police_district_id` integer NOT NULL, `police_report_reported_by` integer NULL, `police_report_acknowledged_by` integer NULL, CONSTRAINT `police_reports_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_reports_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_reports_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_reports_staff_members_reported_by` FOREIGN KEY (`police_report_reported_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `police_reports_staff_members_acknowledged_by` FOREIGN KEY (`police_report_acknowledged_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "police_reports" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("police_reports", 111669149696);
-- create index "policereport_unit_id_acknowledged_at" to table: "police_reports"
CREATE INDEX `policereport_unit_id_acknowledged_at` ON `police_reports` (`unit_id`, `acknowledged_at`);
-- create index "policereport_police_district_id_reported_at" to table: "police_reports"
CREATE INDEX `policereport_police_district_id_reported_at` ON `police_reports` (`police_district_id`, `reported_at`);
-- create index "policereport_convict_id" to table: "police_reports"
CREATE INDEX `policereport_convict_id` ON `police_reports` (`convict_id`);
-- create "new_access_log_entries" table
CREATE TABLE `new_access_log_entries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `occurred_at` datetime NOT NULL, `actor` text NOT NULL, `actor_staff_id` integer NULL, `person_type` text NULL, `person_id` integer NULL, `criminal_case_id` integer NULL, `police_request_id` integer NULL, `identity` bool NOT NULL DEFAULT (false), `address` bool NOT NULL DEFAULT (false), `operation` text NULL);
-- copy rows from old table "access_log_entries" to new temporary table "new_access_log_entries"
INSERT INTO `new_access_log_entries` (`id`, `occurred_at`, `actor`, `actor_staff_id`, `person_type`, `person_id`, `criminal_case_id`, `identity`, `address`, `operation`) SELECT `id`, `occurred_at`, `actor`, `actor_staff_id`, `person_type`, `person_id`, `criminal_case_id`, `identity`, `address`, `operation` FROM `access_log_entries`;
-- drop "access_log_entries" table after copying rows
DROP TABLE `access_log_entries`;
-- rename temporary table "new_access_log_entries" to "access_log_entries"
ALTER TABLE `new_access_log_entries` RENAME TO `access_log_entries`;
-- create index "accesslogentry_person_type_person_id" to table: "access_log_entries"
CREATE INDEX `accesslogentry_person_type_person_id` ON `access_log_entries` (`person_type`, `person_id`);
-- create index "accesslogentry_police_request_id" to table: "access_log_entries"
CREATE INDEX `accesslogentry_police_request_id` ON `access_log_entries` (`police_request_id`);
-- create index "accesslogentry_occurred_at" to table: "access_log_entries"
CREATE INDEX `accesslogentry_occurred_at` ON `access_log_entries` (`occurred_at`);
-- create index "accesslogentry_actor" to table: "access_log_entries"
CREATE INDEX `accesslogentry_actor` ON `access_log_entries` (`actor`);
-- create "new_alerts" table
CREATE TABLE `new_alerts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `kind` text NOT NULL, `message` text NOT NULL, `rule` text NOT NULL, `raised_at` datetime NOT NULL, `resolved_at` datetime NULL, `key` text NOT NULL, `unit_id` integer NOT NULL, `custody_event_id` integer NULL, `notice_id` integer NULL, `police_report_id` integer NULL, `police_request_id` integer NULL, CONSTRAINT `alerts_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `alerts_custody_events_custody_event` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE SET NULL, CONSTRAINT `alerts_notices_notice` FOREIGN KEY (`notice_id`) REFERENCES `notices` (`id`) ON DELETE SET NULL, CONSTRAINT `alerts_police_reports_police_report` FOREIGN KEY (`police_report_id`) REFERENCES `police_reports` (`id`) ON DELETE SET NULL, CONSTRAINT `alerts_police_requests_police_request` FOREIGN KEY (`police_request_id`) REFERENCES `police_requests` (`id`) ON DELETE SET NULL);
-- set sequence for "new_alerts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_alerts", 103079215104);
-- copy rows from old table "alerts" to new temporary table "new_alerts"
INSERT INTO `new_alerts` (`id`, `kind`, `message`, `rule`, `raised_at`, `resolved_at`, `key`, `unit_id`, `custody_event_id`, `notice_id`) SELECT `id`, `kind`, `message`, `rule`, `raised_at`, `resolved_at`, `key`, `unit_id`, `custody_event_id`, `notice_id` FROM `alerts`;
-- drop "alerts" table after copying rows
DROP TABLE `alerts`;
-- rename temporary table "new_alerts" to "alerts"
ALTER TABLE `new_alerts` RENAME TO `alerts`;
-- create index "alerts_key_key" to table: "alerts"
CREATE UNIQUE INDEX `alerts_key_key` ON `alerts` (`key`);
-- create index "alert_unit_id_resolved_at" to table: "alerts"
CREATE INDEX `alert_unit_id_resolved_at` ON `alerts` (`unit_id`, `resolved_at`);
-- create "new_disclosures" table
CREATE TABLE `new_disclosures` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `direction` text NOT NULL, `category` text NOT NULL, `summary` text NOT NULL, `purpose` text NOT NULL, `recipient` text NOT NULL, `legal_basis` text NOT NULL, `register` text NULL, `averts_imprisonable_offence` bool NOT NULL DEFAULT (false), `decided_by_name` text NOT NULL, `decided_at` datetime NOT NULL, `form` text NOT NULL, `unverified` bool NOT NULL DEFAULT (false), `source` text NULL, `expires_on` datetime NULL, `convict_id` integer NOT NULL, `unit_id` integer NOT NULL, `police_district_id` integer NOT NULL, `police_report_id` integer NULL, `disclosure_decided_by` integer NULL, `disclosure_recorded_by` integer NULL, CONSTRAINT `disclosures_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_police_reports_police_report` FOREIGN KEY (`police_report_id`) REFERENCES `police_reports` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_decided_by` FOREIGN KEY (`disclosure_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_recorded_by` FOREIGN KEY (`disclosure_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_disclosures" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_disclosures", 42949672960);
-- copy rows from old table "disclosures" to new temporary table "new_disclosures"
INSERT INTO `new_disclosures` (`id`, `created_at`, `updated_at`, `direction`, `category`, `summary`, `purpose`, `recipient`, `legal_basis`, `decided_at`, `form`, `unverified`, `source`, `convict_id`, `unit_id`, `police_district_id`, `disclosure_decided_by`, `disclosure_recorded_by`) SELECT `id`, `created_at`, `updated_at`, `direction`, `category`, `summary`, `purpose`, `recipient`, `legal_basis`, `decided_at`, `form`, `unverified`, `source`, `convict_id`, `unit_id`, `police_district_id`, `disclosure_decided_by`, `disclosure_recorded_by` FROM `disclosures`;
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
-- create "new_police_requests" table
CREATE TABLE `new_police_requests` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `status` text NOT NULL DEFAULT ('OPEN'), `question` text NULL, `response` text NULL, `risk_confirmed` bool NULL, `delivered_at` datetime NULL, `delivery_manner` text NULL, `decline_reason` text NULL, `acknowledged_at` datetime NULL, `completed_at` datetime NULL, `declined_at` datetime NULL, `custody_event_id` integer NULL, `police_district_id` integer NOT NULL, `unit_id` integer NOT NULL, `notice_id` integer NULL, `police_request_requested_by` integer NULL, `police_request_handled_by` integer NULL, CONSTRAINT `police_requests_custody_events_police_requests` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE SET NULL, CONSTRAINT `police_requests_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_requests_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_requests_notices_notice` FOREIGN KEY (`notice_id`) REFERENCES `notices` (`id`) ON DELETE SET NULL, CONSTRAINT `police_requests_staff_members_requested_by` FOREIGN KEY (`police_request_requested_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `police_requests_staff_members_handled_by` FOREIGN KEY (`police_request_handled_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_police_requests" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_police_requests", 68719476736);
-- copy rows from old table "police_requests" to new temporary table "new_police_requests"
INSERT INTO `new_police_requests` (`id`, `created_at`, `updated_at`, `kind`, `status`, `question`, `response`, `risk_confirmed`, `delivered_at`, `delivery_manner`, `decline_reason`, `acknowledged_at`, `completed_at`, `custody_event_id`, `police_district_id`, `unit_id`, `notice_id`, `police_request_requested_by`, `police_request_handled_by`) SELECT `id`, `created_at`, `updated_at`, `kind`, `status`, `question`, `response`, `risk_confirmed`, `delivered_at`, `delivery_manner`, `decline_reason`, `acknowledged_at`, `completed_at`, `custody_event_id`, `police_district_id`, `unit_id`, `notice_id`, `police_request_requested_by`, `police_request_handled_by` FROM `police_requests`;
-- drop "police_requests" table after copying rows
DROP TABLE `police_requests`;
-- rename temporary table "new_police_requests" to "police_requests"
ALTER TABLE `new_police_requests` RENAME TO `police_requests`;
-- create index "policerequest_police_district_id_status" to table: "police_requests"
CREATE INDEX `policerequest_police_district_id_status` ON `police_requests` (`police_district_id`, `status`);
-- create index "policerequest_unit_id" to table: "police_requests"
CREATE INDEX `policerequest_unit_id` ON `police_requests` (`unit_id`);
-- create index "policerequest_notice_id" to table: "police_requests"
CREATE INDEX `policerequest_notice_id` ON `police_requests` (`notice_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "policereport_convict_id" to table: "police_reports"
DROP INDEX `policereport_convict_id`;
-- reverse: create index "policereport_police_district_id_reported_at" to table: "police_reports"
DROP INDEX `policereport_police_district_id_reported_at`;
-- reverse: create index "policereport_unit_id_acknowledged_at" to table: "police_reports"
DROP INDEX `policereport_unit_id_acknowledged_at`;
-- reverse: set sequence for "police_reports" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "police_reports";
-- reverse: create "police_reports" table
DROP TABLE `police_reports`;
-- reverse: create index "documentmark_document_kind_document_id" to table: "document_marks"
DROP INDEX `documentmark_document_kind_document_id`;
-- reverse: create index "documentmark_convict_id" to table: "document_marks"
DROP INDEX `documentmark_convict_id`;
-- reverse: set sequence for "document_marks" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "document_marks";
-- reverse: create "document_marks" table
DROP TABLE `document_marks`;
-- reverse: create index "policerequest_notice_id" to table: "police_requests"
DROP INDEX `policerequest_notice_id`;
-- reverse: create index "policerequest_unit_id" to table: "police_requests"
DROP INDEX `policerequest_unit_id`;
-- reverse: create index "policerequest_police_district_id_status" to table: "police_requests"
DROP INDEX `policerequest_police_district_id_status`;
-- reverse: set sequence for "new_police_requests" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_police_requests";
-- reverse: create "new_police_requests" table
DROP TABLE `new_police_requests`;
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
-- reverse: create index "alert_unit_id_resolved_at" to table: "alerts"
DROP INDEX `alert_unit_id_resolved_at`;
-- reverse: create index "alerts_key_key" to table: "alerts"
DROP INDEX `alerts_key_key`;
-- reverse: set sequence for "new_alerts" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_alerts";
-- reverse: create "new_alerts" table
DROP TABLE `new_alerts`;
-- reverse: create index "accesslogentry_actor" to table: "access_log_entries"
DROP INDEX `accesslogentry_actor`;
-- reverse: create index "accesslogentry_occurred_at" to table: "access_log_entries"
DROP INDEX `accesslogentry_occurred_at`;
-- reverse: create index "accesslogentry_police_request_id" to table: "access_log_entries"
DROP INDEX `accesslogentry_police_request_id`;
-- reverse: create index "accesslogentry_person_type_person_id" to table: "access_log_entries"
DROP INDEX `accesslogentry_person_type_person_id`;
-- reverse: create "new_access_log_entries" table
DROP TABLE `new_access_log_entries`;
