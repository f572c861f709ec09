-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_police_reports" table
CREATE TABLE `new_police_reports` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `summary` text NOT NULL, `reported_at` datetime NOT NULL, `acknowledged_at` datetime NULL, `reported_by_name` text NOT NULL, `national_identity_number` text NULL, `held` text NULL, `convict_id` integer NULL, `unit_id` integer NULL, `police_district_id` integer NOT NULL, `police_report_reported_by` integer NULL, `police_report_acknowledged_by` integer NULL, CONSTRAINT `police_reports_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE SET NULL, CONSTRAINT `police_reports_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE SET NULL, CONSTRAINT `police_reports_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_reports_staff_members_reported_by` FOREIGN KEY (`police_report_reported_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `police_reports_staff_members_acknowledged_by` FOREIGN KEY (`police_report_acknowledged_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_police_reports" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_police_reports", 111669149696);
-- copy rows from old table "police_reports" to new temporary table "new_police_reports"
INSERT INTO `new_police_reports` (`id`, `created_at`, `updated_at`, `kind`, `summary`, `reported_at`, `acknowledged_at`, `reported_by_name`, `convict_id`, `unit_id`, `police_district_id`, `police_report_reported_by`, `police_report_acknowledged_by`) SELECT `id`, `created_at`, `updated_at`, `kind`, `summary`, `reported_at`, `acknowledged_at`, `reported_by_name`, `convict_id`, `unit_id`, `police_district_id`, `police_report_reported_by`, `police_report_acknowledged_by` FROM `police_reports`;
-- drop "police_reports" table after copying rows
DROP TABLE `police_reports`;
-- rename temporary table "new_police_reports" to "police_reports"
ALTER TABLE `new_police_reports` RENAME TO `police_reports`;
-- create index "policereport_unit_id_acknowledged_at" to table: "police_reports"
CREATE INDEX `policereport_unit_id_acknowledged_at` ON `police_reports` (`unit_id`, `acknowledged_at`);
-- create index "policereport_police_district_id_reported_at" to table: "police_reports"
CREATE INDEX `policereport_police_district_id_reported_at` ON `police_reports` (`police_district_id`, `reported_at`);
-- create index "policereport_convict_id" to table: "police_reports"
CREATE INDEX `policereport_convict_id` ON `police_reports` (`convict_id`);
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
-- reverse: create index "policereport_convict_id" to table: "police_reports"
DROP INDEX `policereport_convict_id`;
-- reverse: create index "policereport_police_district_id_reported_at" to table: "police_reports"
DROP INDEX `policereport_police_district_id_reported_at`;
-- reverse: create index "policereport_unit_id_acknowledged_at" to table: "police_reports"
DROP INDEX `policereport_unit_id_acknowledged_at`;
-- reverse: set sequence for "new_police_reports" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "new_police_reports";
-- reverse: create "new_police_reports" table
DROP TABLE `new_police_reports`;
