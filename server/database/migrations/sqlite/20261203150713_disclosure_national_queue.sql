-- +goose Up
-- disable the enforcement of foreign-keys constraints
PRAGMA foreign_keys = off;
-- create "new_disclosures" table
CREATE TABLE `new_disclosures` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `direction` text NOT NULL, `category` text NOT NULL, `summary` text NOT NULL, `purpose` text NOT NULL, `recipient` text NOT NULL, `legal_basis` text NOT NULL, `register` text NULL, `averts_imprisonable_offence` bool NOT NULL DEFAULT (false), `decided_by_name` text NOT NULL, `decided_at` datetime NOT NULL, `form` text NOT NULL, `unverified` bool NOT NULL DEFAULT (false), `verified_at` datetime NULL, `verification` text NULL, `decision_basis` text NULL, `source` text NULL, `expires_on` datetime NULL, `national_identity_number` text NULL, `held` text NULL, `convict_id` integer NULL, `unit_id` integer NULL, `police_district_id` integer NOT NULL, `police_report_id` integer NULL, `disclosure_decided_by` integer NULL, `disclosure_recorded_by` integer NULL, `disclosure_verified_by` integer NULL, CONSTRAINT `disclosures_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_police_reports_police_report` FOREIGN KEY (`police_report_id`) REFERENCES `police_reports` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_decided_by` FOREIGN KEY (`disclosure_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_recorded_by` FOREIGN KEY (`disclosure_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_verified_by` FOREIGN KEY (`disclosure_verified_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "new_disclosures" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("new_disclosures", 42949672960);
-- copy rows from old table "disclosures" to new temporary table "new_disclosures"
INSERT INTO `new_disclosures` (`id`, `created_at`, `updated_at`, `direction`, `category`, `summary`, `purpose`, `recipient`, `legal_basis`, `register`, `averts_imprisonable_offence`, `decided_by_name`, `decided_at`, `form`, `unverified`, `verified_at`, `verification`, `decision_basis`, `source`, `expires_on`, `convict_id`, `unit_id`, `police_district_id`, `police_report_id`, `disclosure_decided_by`, `disclosure_recorded_by`, `disclosure_verified_by`) SELECT `id`, `created_at`, `updated_at`, `direction`, `category`, `summary`, `purpose`, `recipient`, `legal_basis`, `register`, `averts_imprisonable_offence`, `decided_by_name`, `decided_at`, `form`, `unverified`, `verified_at`, `verification`, `decision_basis`, `source`, `expires_on`, `convict_id`, `unit_id`, `police_district_id`, `police_report_id`, `disclosure_decided_by`, `disclosure_recorded_by`, `disclosure_verified_by` FROM `disclosures`;
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
-- enable back the enforcement of foreign-keys constraints
PRAGMA foreign_keys = on;

-- +goose Down
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
