-- +goose Up
-- create "access_log_entries" table
CREATE TABLE `access_log_entries` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `occurred_at` datetime NOT NULL, `actor` text NOT NULL, `actor_staff_id` integer NULL, `person_type` text NOT NULL, `person_id` integer NOT NULL, `criminal_case_id` integer NOT NULL, `identity` bool NOT NULL DEFAULT (false), `address` bool NOT NULL DEFAULT (false), `operation` text NULL);
-- create index "accesslogentry_person_type_person_id" to table: "access_log_entries"
CREATE INDEX `accesslogentry_person_type_person_id` ON `access_log_entries` (`person_type`, `person_id`);
-- create index "accesslogentry_occurred_at" to table: "access_log_entries"
CREATE INDEX `accesslogentry_occurred_at` ON `access_log_entries` (`occurred_at`);
-- create index "accesslogentry_actor" to table: "access_log_entries"
CREATE INDEX `accesslogentry_actor` ON `access_log_entries` (`actor`);
-- create "alerts" table
CREATE TABLE `alerts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `kind` text NOT NULL, `message` text NOT NULL, `rule` text NOT NULL, `raised_at` datetime NOT NULL, `resolved_at` datetime NULL, `key` text NOT NULL, `unit_id` integer NOT NULL, `custody_event_id` integer NOT NULL, `notice_id` integer NULL, CONSTRAINT `alerts_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `alerts_custody_events_custody_event` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `alerts_notices_notice` FOREIGN KEY (`notice_id`) REFERENCES `notices` (`id`) ON DELETE SET NULL);
-- set sequence for "alerts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("alerts", 103079215104);
-- create index "alerts_key_key" to table: "alerts"
CREATE UNIQUE INDEX `alerts_key_key` ON `alerts` (`key`);
-- create index "alert_unit_id_resolved_at" to table: "alerts"
CREATE INDEX `alert_unit_id_resolved_at` ON `alerts` (`unit_id`, `resolved_at`);
-- create "appeals" table
CREATE TABLE `appeals` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `received_at` datetime NOT NULL, `grounds` text NULL, `status` text NOT NULL DEFAULT ('PENDING'), `decided_at` datetime NULL, `reasoning` text NULL, `appeal_deciding_unit` integer NULL, `appeal_decided_by` integer NULL, `appeal_registered_by` integer NULL, `decision_id` integer NOT NULL, CONSTRAINT `appeals_units_deciding_unit` FOREIGN KEY (`appeal_deciding_unit`) REFERENCES `units` (`id`) ON DELETE SET NULL, CONSTRAINT `appeals_staff_members_decided_by` FOREIGN KEY (`appeal_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `appeals_staff_members_registered_by` FOREIGN KEY (`appeal_registered_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `appeals_decisions_appeals` FOREIGN KEY (`decision_id`) REFERENCES `decisions` (`id`) ON DELETE NO ACTION);
-- set sequence for "appeals" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("appeals", 4294967296);
-- create "assessments" table
CREATE TABLE `assessments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `outcome` text NOT NULL, `factors` json NOT NULL, `reasoning` text NOT NULL, `recipient_minor` bool NOT NULL DEFAULT (false), `several_survivors_reasoning` text NULL, `real_need_reasoning` text NULL, `victim_id` integer NULL, `survivor_id` integer NULL, `assessment_assessed_by` integer NULL, `custody_event_id` integer NOT NULL, CONSTRAINT `assessments_victims_victim` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE SET NULL, CONSTRAINT `assessments_survivors_survivor` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE SET NULL, CONSTRAINT `assessments_staff_members_assessed_by` FOREIGN KEY (`assessment_assessed_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `assessments_custody_events_assessments` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION);
-- set sequence for "assessments" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("assessments", 8589934592);
-- create index "assessment_custody_event_id_victim_id" to table: "assessments"
CREATE UNIQUE INDEX `assessment_custody_event_id_victim_id` ON `assessments` (`custody_event_id`, `victim_id`);
-- create index "assessment_custody_event_id_survivor_id" to table: "assessments"
CREATE UNIQUE INDEX `assessment_custody_event_id_survivor_id` ON `assessments` (`custody_event_id`, `survivor_id`);
-- create "audit_events" table
CREATE TABLE `audit_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `seq` integer NOT NULL, `occurred_at` datetime NOT NULL, `actor` text NOT NULL, `actor_staff_id` integer NULL, `operation` text NULL, `action` text NOT NULL, `entity_type` text NOT NULL, `entity_id` integer NOT NULL, `prev_hash` text NOT NULL, `hash` text NOT NULL);
-- set sequence for "audit_events" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("audit_events", 12884901888);
-- create index "audit_events_seq_key" to table: "audit_events"
CREATE UNIQUE INDEX `audit_events_seq_key` ON `audit_events` (`seq`);
-- create index "auditevent_entity_type_entity_id" to table: "audit_events"
CREATE INDEX `auditevent_entity_type_entity_id` ON `audit_events` (`entity_type`, `entity_id`);
-- create index "auditevent_occurred_at" to table: "audit_events"
CREATE INDEX `auditevent_occurred_at` ON `audit_events` (`occurred_at`);
-- create "conditions" table
CREATE TABLE `conditions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `area` text NULL, `area_level` text NULL, `description` text NULL, `legal_basis` text NULL, `custody_event_id` integer NOT NULL, CONSTRAINT `conditions_custody_events_conditions` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION);
-- set sequence for "conditions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("conditions", 17179869184);
-- create "convicts" table
CREATE TABLE `convicts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `name` text NOT NULL, `national_identity_number` text NOT NULL, `birth_date` datetime NULL, `serving_preventive_detention` bool NOT NULL DEFAULT (false), `sentence_over_ten_years` bool NOT NULL DEFAULT (false), `infoflyt` bool NOT NULL DEFAULT (false), `sentence_ended_on` datetime NULL, `unit_id` integer NOT NULL, CONSTRAINT `convicts_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION);
-- set sequence for "convicts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("convicts", 21474836480);
-- create index "convict_unit_id" to table: "convicts"
CREATE INDEX `convict_unit_id` ON `convicts` (`unit_id`);
-- create index "convict_national_identity_number" to table: "convicts"
CREATE UNIQUE INDEX `convict_national_identity_number` ON `convicts` (`national_identity_number`);
-- create "criminal_cases" table
CREATE TABLE `criminal_cases` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `case_number` text NOT NULL, `judgment_date` datetime NOT NULL, `offence_categories` json NOT NULL, `status` text NOT NULL DEFAULT ('SERVING'), `court_reasoning` text NULL, `convict_id` integer NOT NULL, CONSTRAINT `criminal_cases_convicts_criminal_cases` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION);
-- set sequence for "criminal_cases" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("criminal_cases", 25769803776);
-- create index "criminalcase_convict_id_case_number" to table: "criminal_cases"
CREATE UNIQUE INDEX `criminalcase_convict_id_case_number` ON `criminal_cases` (`convict_id`, `case_number`);
-- create "custody_events" table
CREATE TABLE `custody_events` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `legal_basis` text NOT NULL, `starts_at` datetime NOT NULL, `ends_at` datetime NULL, `date_only` bool NOT NULL DEFAULT (false), `deciding_level` text NOT NULL, `from_institution` bool NOT NULL DEFAULT (false), `full_term_release` bool NOT NULL DEFAULT (false), `reporting_duty_until` datetime NULL, `status` text NOT NULL DEFAULT ('OPEN'), `convict_id` integer NOT NULL, `deciding_unit_id` integer NOT NULL, `custody_event_created_by` integer NULL, `institution_stay_id` integer NULL, CONSTRAINT `custody_events_convicts_custody_events` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `custody_events_units_deciding_unit` FOREIGN KEY (`deciding_unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `custody_events_staff_members_created_by` FOREIGN KEY (`custody_event_created_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `custody_events_institution_stays_leaves` FOREIGN KEY (`institution_stay_id`) REFERENCES `institution_stays` (`id`) ON DELETE SET NULL);
-- set sequence for "custody_events" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("custody_events", 30064771072);
-- create index "custodyevent_convict_id_kind_starts_at" to table: "custody_events"
CREATE UNIQUE INDEX `custodyevent_convict_id_kind_starts_at` ON `custody_events` (`convict_id`, `kind`, `starts_at`);
-- create index "custodyevent_starts_at" to table: "custody_events"
CREATE INDEX `custodyevent_starts_at` ON `custody_events` (`starts_at`);
-- create "decisions" table
CREATE TABLE `decisions` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('IN_FORCE'), `level` text NOT NULL, `reasoning` text NULL, `decided_at` datetime NOT NULL, `convict_informed_at` datetime NULL, `convict_informed_how` text NULL, `informing_impracticable_reason` text NULL, `oral_appeal_answer` text NULL, `appeal_deadline` datetime NULL, `custody_event_id` integer NOT NULL, `deciding_unit_id` integer NOT NULL, `decision_decided_by` integer NULL, `decision_convict_informed_by` integer NULL, CONSTRAINT `decisions_custody_events_decisions` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `decisions_units_deciding_unit` FOREIGN KEY (`deciding_unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `decisions_staff_members_decided_by` FOREIGN KEY (`decision_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `decisions_staff_members_convict_informed_by` FOREIGN KEY (`decision_convict_informed_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "decisions" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("decisions", 34359738368);
-- create index "decision_custody_event_id" to table: "decisions"
CREATE UNIQUE INDEX `decision_custody_event_id` ON `decisions` (`custody_event_id`) WHERE status = 'IN_FORCE';
-- create "delegations" table
CREATE TABLE `delegations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `granted_at` datetime NOT NULL, `revoked_at` datetime NULL, `unit_id` integer NOT NULL, `delegate_id` integer NOT NULL, `delegation_granted_by` integer NULL, CONSTRAINT `delegations_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `delegations_staff_members_delegate` FOREIGN KEY (`delegate_id`) REFERENCES `staff_members` (`id`) ON DELETE NO ACTION, CONSTRAINT `delegations_staff_members_granted_by` FOREIGN KEY (`delegation_granted_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "delegations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("delegations", 38654705664);
-- create "disclosures" table
CREATE TABLE `disclosures` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `direction` text NOT NULL, `category` text NOT NULL, `summary` text NOT NULL, `purpose` text NOT NULL, `recipient` text NOT NULL, `legal_basis` text NOT NULL, `decided_at` datetime NOT NULL, `form` text NOT NULL, `unverified` bool NOT NULL DEFAULT (false), `source` text NULL, `expires_at` datetime NULL, `convict_id` integer NOT NULL, `unit_id` integer NOT NULL, `police_district_id` integer NOT NULL, `disclosure_decided_by` integer NULL, `disclosure_recorded_by` integer NULL, CONSTRAINT `disclosures_convicts_convict` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `disclosures_staff_members_decided_by` FOREIGN KEY (`disclosure_decided_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `disclosures_staff_members_recorded_by` FOREIGN KEY (`disclosure_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "disclosures" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("disclosures", 42949672960);
-- create index "disclosure_unit_id_decided_at" to table: "disclosures"
CREATE INDEX `disclosure_unit_id_decided_at` ON `disclosures` (`unit_id`, `decided_at`);
-- create index "disclosure_police_district_id_decided_at" to table: "disclosures"
CREATE INDEX `disclosure_police_district_id_decided_at` ON `disclosures` (`police_district_id`, `decided_at`);
-- create index "disclosure_convict_id" to table: "disclosures"
CREATE INDEX `disclosure_convict_id` ON `disclosures` (`convict_id`);
-- create "guardians" table
CREATE TABLE `guardians` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `national_identity_number` text NULL, `birth_date` datetime NULL, `address_line` text NULL, `postal_code` text NULL, `postal_place` text NULL, `country` text NULL, `address_protection` text NOT NULL DEFAULT ('NONE'), `written_standard` text NOT NULL DEFAULT ('NB'), `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `excluded_as_convict` bool NOT NULL DEFAULT (false), `police_district_id` integer NULL, `survivor_id` integer NULL, `victim_id` integer NULL, CONSTRAINT `guardians_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE SET NULL, CONSTRAINT `guardians_survivors_guardians` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE SET NULL, CONSTRAINT `guardians_victims_guardians` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE SET NULL);
-- set sequence for "guardians" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("guardians", 47244640256);
-- create index "guardian_victim_id_national_identity_number" to table: "guardians"
CREATE UNIQUE INDEX `guardian_victim_id_national_identity_number` ON `guardians` (`victim_id`, `national_identity_number`);
-- create index "guardian_survivor_id_national_identity_number" to table: "guardians"
CREATE UNIQUE INDEX `guardian_survivor_id_national_identity_number` ON `guardians` (`survivor_id`, `national_identity_number`);
-- create "information_requests" table
CREATE TABLE `information_requests` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `source` text NOT NULL, `source_name` text NULL, `purpose` text NOT NULL, `requested_at` datetime NOT NULL, `answered_at` datetime NULL, `answer_summary` text NULL, `custody_event_id` integer NOT NULL, `information_request_police_request` integer NULL, `information_request_requested_by` integer NULL, CONSTRAINT `information_requests_custody_events_information_requests` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `information_requests_police_requests_police_request` FOREIGN KEY (`information_request_police_request`) REFERENCES `police_requests` (`id`) ON DELETE SET NULL, CONSTRAINT `information_requests_staff_members_requested_by` FOREIGN KEY (`information_request_requested_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "information_requests" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("information_requests", 51539607552);
-- create "institution_stays" table
CREATE TABLE `institution_stays` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `institution` text NOT NULL, `from_date` datetime NOT NULL, `to_date` datetime NULL, `notify_on_leaves` bool NOT NULL, `reasoning` text NOT NULL, `convict_id` integer NOT NULL, `institution_stay_recorded_by` integer NULL, CONSTRAINT `institution_stays_convicts_institution_stays` FOREIGN KEY (`convict_id`) REFERENCES `convicts` (`id`) ON DELETE NO ACTION, CONSTRAINT `institution_stays_staff_members_recorded_by` FOREIGN KEY (`institution_stay_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "institution_stays" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("institution_stays", 98784247808);
-- create "notices" table
CREATE TABLE `notices` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `status` text NOT NULL DEFAULT ('DRAFT'), `route` text NOT NULL, `channel` text NULL, `due_date` datetime NOT NULL, `late` bool NOT NULL DEFAULT (false), `late_justification` text NULL, `early_release_justification` text NULL, `content` json NOT NULL, `written_standard` text NOT NULL, `dedupe_key` text NOT NULL, `sent_at` datetime NULL, `delivered_at` datetime NULL, `phone_reason` text NULL, `phone_documented_at` datetime NULL, `phone_documentation` text NULL, `cancelled_at` datetime NULL, `cancel_reason` text NULL, `custody_event_id` integer NOT NULL, `assessment_id` integer NOT NULL, `victim_id` integer NULL, `survivor_id` integer NULL, `guardian_id` integer NULL, `police_district_id` integer NULL, CONSTRAINT `notices_custody_events_notices` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `notices_assessments_assessment` FOREIGN KEY (`assessment_id`) REFERENCES `assessments` (`id`) ON DELETE NO ACTION, CONSTRAINT `notices_victims_victim` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_survivors_survivor` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_guardians_guardian` FOREIGN KEY (`guardian_id`) REFERENCES `guardians` (`id`) ON DELETE SET NULL, CONSTRAINT `notices_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE SET NULL);
-- set sequence for "notices" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("notices", 55834574848);
-- create index "notices_dedupe_key_key" to table: "notices"
CREATE UNIQUE INDEX `notices_dedupe_key_key` ON `notices` (`dedupe_key`);
-- create index "notice_status_due_date" to table: "notices"
CREATE INDEX `notice_status_due_date` ON `notices` (`status`, `due_date`);
-- create index "notice_custody_event_id" to table: "notices"
CREATE INDEX `notice_custody_event_id` ON `notices` (`custody_event_id`);
-- create "notification_agreements" table
CREATE TABLE `notification_agreements` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `frequency` text NOT NULL, `agreed_at` datetime NOT NULL, `how` text NOT NULL, `note` text NULL, `victim_id` integer NULL, `survivor_id` integer NULL, `notification_agreement_recorded_by` integer NULL, CONSTRAINT `notification_agreements_victims_victim` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE SET NULL, CONSTRAINT `notification_agreements_survivors_survivor` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE SET NULL, CONSTRAINT `notification_agreements_staff_members_recorded_by` FOREIGN KEY (`notification_agreement_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "notification_agreements" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("notification_agreements", 60129542144);
-- create "police_districts" table
CREATE TABLE `police_districts` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `code` text NOT NULL);
-- set sequence for "police_districts" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("police_districts", 64424509440);
-- create index "police_districts_code_key" to table: "police_districts"
CREATE UNIQUE INDEX `police_districts_code_key` ON `police_districts` (`code`);
-- create "police_requests" table
CREATE TABLE `police_requests` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `kind` text NOT NULL, `status` text NOT NULL DEFAULT ('OPEN'), `question` text NULL, `response` text NULL, `risk_confirmed` bool NULL, `delivered_at` datetime NULL, `delivery_manner` text NULL, `decline_reason` text NULL, `acknowledged_at` datetime NULL, `completed_at` datetime NULL, `custody_event_id` integer NULL, `police_district_id` integer NOT NULL, `unit_id` integer NOT NULL, `notice_id` integer NULL, `police_request_requested_by` integer NULL, `police_request_handled_by` integer NULL, CONSTRAINT `police_requests_custody_events_police_requests` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE SET NULL, CONSTRAINT `police_requests_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_requests_units_unit` FOREIGN KEY (`unit_id`) REFERENCES `units` (`id`) ON DELETE NO ACTION, CONSTRAINT `police_requests_notices_notice` FOREIGN KEY (`notice_id`) REFERENCES `notices` (`id`) ON DELETE SET NULL, CONSTRAINT `police_requests_staff_members_requested_by` FOREIGN KEY (`police_request_requested_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL, CONSTRAINT `police_requests_staff_members_handled_by` FOREIGN KEY (`police_request_handled_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "police_requests" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("police_requests", 68719476736);
-- create index "policerequest_police_district_id_status" to table: "police_requests"
CREATE INDEX `policerequest_police_district_id_status` ON `police_requests` (`police_district_id`, `status`);
-- create index "policerequest_unit_id" to table: "police_requests"
CREATE INDEX `policerequest_unit_id` ON `police_requests` (`unit_id`);
-- create index "policerequest_notice_id" to table: "police_requests"
CREATE UNIQUE INDEX `policerequest_notice_id` ON `police_requests` (`notice_id`);
-- create "reservations" table
CREATE TABLE `reservations` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `reserved_at` datetime NOT NULL, `how` text NOT NULL, `lifted_at` datetime NULL, `victim_id` integer NULL, `survivor_id` integer NULL, `reservation_recorded_by` integer NULL, CONSTRAINT `reservations_victims_victim` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE SET NULL, CONSTRAINT `reservations_survivors_survivor` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE SET NULL, CONSTRAINT `reservations_staff_members_recorded_by` FOREIGN KEY (`reservation_recorded_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "reservations" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("reservations", 73014444032);
-- create "security_assessments" table
CREATE TABLE `security_assessments` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `outcome` text NOT NULL, `reasoning` text NOT NULL, `police_statement` text NULL, `assessed_at` datetime NOT NULL, `custody_event_id` integer NOT NULL, `security_assessment_police_request` integer NULL, `security_assessment_assessed_by` integer NULL, CONSTRAINT `security_assessments_custody_events_security_assessments` FOREIGN KEY (`custody_event_id`) REFERENCES `custody_events` (`id`) ON DELETE NO ACTION, CONSTRAINT `security_assessments_police_requests_police_request` FOREIGN KEY (`security_assessment_police_request`) REFERENCES `police_requests` (`id`) ON DELETE SET NULL, CONSTRAINT `security_assessments_staff_members_assessed_by` FOREIGN KEY (`security_assessment_assessed_by`) REFERENCES `staff_members` (`id`) ON DELETE SET NULL);
-- set sequence for "security_assessments" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("security_assessments", 77309411328);
-- create "staff_members" table
CREATE TABLE `staff_members` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `subject` text NOT NULL, `name` text NOT NULL, `head_of_unit` bool NOT NULL DEFAULT (false), `active` bool NOT NULL DEFAULT (true), `staff_member_unit` integer NULL, `staff_member_police_district` integer NULL, CONSTRAINT `staff_members_units_unit` FOREIGN KEY (`staff_member_unit`) REFERENCES `units` (`id`) ON DELETE SET NULL, CONSTRAINT `staff_members_police_districts_police_district` FOREIGN KEY (`staff_member_police_district`) REFERENCES `police_districts` (`id`) ON DELETE SET NULL);
-- set sequence for "staff_members" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("staff_members", 81604378624);
-- create index "staff_members_subject_key" to table: "staff_members"
CREATE UNIQUE INDEX `staff_members_subject_key` ON `staff_members` (`subject`);
-- create "survivors" table
CREATE TABLE `survivors` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `national_identity_number` text NULL, `birth_date` datetime NULL, `address_line` text NULL, `postal_code` text NULL, `postal_place` text NULL, `country` text NULL, `address_protection` text NOT NULL DEFAULT ('NONE'), `written_standard` text NOT NULL DEFAULT ('NB'), `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `relation` text NOT NULL, `under_guardianship` bool NOT NULL DEFAULT (false), `police_district_id` integer NULL, `victim_id` integer NOT NULL, CONSTRAINT `survivors_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE SET NULL, CONSTRAINT `survivors_victims_survivors` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE NO ACTION);
-- set sequence for "survivors" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("survivors", 85899345920);
-- create index "survivor_victim_id_national_identity_number" to table: "survivors"
CREATE UNIQUE INDEX `survivor_victim_id_national_identity_number` ON `survivors` (`victim_id`, `national_identity_number`);
-- create "units" table
CREATE TABLE `units` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `code` text NOT NULL, `kind` text NOT NULL, `region_code` text NULL, `high_security` bool NOT NULL DEFAULT (false), `postal_address` json NULL, `phone` text NULL, `parent_id` integer NULL, CONSTRAINT `units_units_children` FOREIGN KEY (`parent_id`) REFERENCES `units` (`id`) ON DELETE SET NULL);
-- set sequence for "units" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("units", 90194313216);
-- create index "units_code_key" to table: "units"
CREATE UNIQUE INDEX `units_code_key` ON `units` (`code`);
-- create "victims" table
CREATE TABLE `victims` (`id` integer NOT NULL PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `national_identity_number` text NULL, `birth_date` datetime NULL, `address_line` text NULL, `postal_code` text NULL, `postal_place` text NULL, `country` text NULL, `address_protection` text NOT NULL DEFAULT ('NONE'), `written_standard` text NOT NULL DEFAULT ('NB'), `created_at` datetime NOT NULL, `updated_at` datetime NOT NULL, `deceased` bool NOT NULL DEFAULT (false), `under_guardianship` bool NOT NULL DEFAULT (false), `criminal_case_id` integer NOT NULL, `police_district_id` integer NULL, CONSTRAINT `victims_criminal_cases_victims` FOREIGN KEY (`criminal_case_id`) REFERENCES `criminal_cases` (`id`) ON DELETE NO ACTION, CONSTRAINT `victims_police_districts_police_district` FOREIGN KEY (`police_district_id`) REFERENCES `police_districts` (`id`) ON DELETE SET NULL);
-- set sequence for "victims" table
INSERT INTO sqlite_sequence (name, seq) VALUES ("victims", 94489280512);
-- create index "victim_criminal_case_id_national_identity_number" to table: "victims"
CREATE UNIQUE INDEX `victim_criminal_case_id_national_identity_number` ON `victims` (`criminal_case_id`, `national_identity_number`);
-- create "condition_concerns_victims" table
CREATE TABLE `condition_concerns_victims` (`condition_id` integer NOT NULL, `victim_id` integer NOT NULL, PRIMARY KEY (`condition_id`, `victim_id`), CONSTRAINT `condition_concerns_victims_condition_id` FOREIGN KEY (`condition_id`) REFERENCES `conditions` (`id`) ON DELETE CASCADE, CONSTRAINT `condition_concerns_victims_victim_id` FOREIGN KEY (`victim_id`) REFERENCES `victims` (`id`) ON DELETE CASCADE);
-- create "condition_concerns_survivors" table
CREATE TABLE `condition_concerns_survivors` (`condition_id` integer NOT NULL, `survivor_id` integer NOT NULL, PRIMARY KEY (`condition_id`, `survivor_id`), CONSTRAINT `condition_concerns_survivors_condition_id` FOREIGN KEY (`condition_id`) REFERENCES `conditions` (`id`) ON DELETE CASCADE, CONSTRAINT `condition_concerns_survivors_survivor_id` FOREIGN KEY (`survivor_id`) REFERENCES `survivors` (`id`) ON DELETE CASCADE);
-- create "decision_assessments" table
CREATE TABLE `decision_assessments` (`decision_id` integer NOT NULL, `assessment_id` integer NOT NULL, PRIMARY KEY (`decision_id`, `assessment_id`), CONSTRAINT `decision_assessments_decision_id` FOREIGN KEY (`decision_id`) REFERENCES `decisions` (`id`) ON DELETE CASCADE, CONSTRAINT `decision_assessments_assessment_id` FOREIGN KEY (`assessment_id`) REFERENCES `assessments` (`id`) ON DELETE CASCADE);

-- +goose Down
-- reverse: create "decision_assessments" table
DROP TABLE `decision_assessments`;
-- reverse: create "condition_concerns_survivors" table
DROP TABLE `condition_concerns_survivors`;
-- reverse: create "condition_concerns_victims" table
DROP TABLE `condition_concerns_victims`;
-- reverse: create index "victim_criminal_case_id_national_identity_number" to table: "victims"
DROP INDEX `victim_criminal_case_id_national_identity_number`;
-- reverse: set sequence for "victims" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "victims";
-- reverse: create "victims" table
DROP TABLE `victims`;
-- reverse: create index "units_code_key" to table: "units"
DROP INDEX `units_code_key`;
-- reverse: set sequence for "units" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "units";
-- reverse: create "units" table
DROP TABLE `units`;
-- reverse: create index "survivor_victim_id_national_identity_number" to table: "survivors"
DROP INDEX `survivor_victim_id_national_identity_number`;
-- reverse: set sequence for "survivors" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "survivors";
-- reverse: create "survivors" table
DROP TABLE `survivors`;
-- reverse: create index "staff_members_subject_key" to table: "staff_members"
DROP INDEX `staff_members_subject_key`;
-- reverse: set sequence for "staff_members" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "staff_members";
-- reverse: create "staff_members" table
DROP TABLE `staff_members`;
-- reverse: set sequence for "security_assessments" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "security_assessments";
-- reverse: create "security_assessments" table
DROP TABLE `security_assessments`;
-- reverse: set sequence for "reservations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "reservations";
-- reverse: create "reservations" table
DROP TABLE `reservations`;
-- reverse: create index "policerequest_notice_id" to table: "police_requests"
DROP INDEX `policerequest_notice_id`;
-- reverse: create index "policerequest_unit_id" to table: "police_requests"
DROP INDEX `policerequest_unit_id`;
-- reverse: create index "policerequest_police_district_id_status" to table: "police_requests"
DROP INDEX `policerequest_police_district_id_status`;
-- reverse: set sequence for "police_requests" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "police_requests";
-- reverse: create "police_requests" table
DROP TABLE `police_requests`;
-- reverse: create index "police_districts_code_key" to table: "police_districts"
DROP INDEX `police_districts_code_key`;
-- reverse: set sequence for "police_districts" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "police_districts";
-- reverse: create "police_districts" table
DROP TABLE `police_districts`;
-- reverse: set sequence for "notification_agreements" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "notification_agreements";
-- reverse: create "notification_agreements" table
DROP TABLE `notification_agreements`;
-- reverse: create index "notice_custody_event_id" to table: "notices"
DROP INDEX `notice_custody_event_id`;
-- reverse: create index "notice_status_due_date" to table: "notices"
DROP INDEX `notice_status_due_date`;
-- reverse: create index "notices_dedupe_key_key" to table: "notices"
DROP INDEX `notices_dedupe_key_key`;
-- reverse: set sequence for "notices" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "notices";
-- reverse: create "notices" table
DROP TABLE `notices`;
-- reverse: set sequence for "institution_stays" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "institution_stays";
-- reverse: create "institution_stays" table
DROP TABLE `institution_stays`;
-- reverse: set sequence for "information_requests" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "information_requests";
-- reverse: create "information_requests" table
DROP TABLE `information_requests`;
-- reverse: create index "guardian_survivor_id_national_identity_number" to table: "guardians"
DROP INDEX `guardian_survivor_id_national_identity_number`;
-- reverse: create index "guardian_victim_id_national_identity_number" to table: "guardians"
DROP INDEX `guardian_victim_id_national_identity_number`;
-- reverse: set sequence for "guardians" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "guardians";
-- reverse: create "guardians" table
DROP TABLE `guardians`;
-- reverse: create index "disclosure_convict_id" to table: "disclosures"
DROP INDEX `disclosure_convict_id`;
-- reverse: create index "disclosure_police_district_id_decided_at" to table: "disclosures"
DROP INDEX `disclosure_police_district_id_decided_at`;
-- reverse: create index "disclosure_unit_id_decided_at" to table: "disclosures"
DROP INDEX `disclosure_unit_id_decided_at`;
-- reverse: set sequence for "disclosures" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "disclosures";
-- reverse: create "disclosures" table
DROP TABLE `disclosures`;
-- reverse: set sequence for "delegations" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "delegations";
-- reverse: create "delegations" table
DROP TABLE `delegations`;
-- reverse: create index "decision_custody_event_id" to table: "decisions"
DROP INDEX `decision_custody_event_id`;
-- reverse: set sequence for "decisions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "decisions";
-- reverse: create "decisions" table
DROP TABLE `decisions`;
-- reverse: create index "custodyevent_starts_at" to table: "custody_events"
DROP INDEX `custodyevent_starts_at`;
-- reverse: create index "custodyevent_convict_id_kind_starts_at" to table: "custody_events"
DROP INDEX `custodyevent_convict_id_kind_starts_at`;
-- reverse: set sequence for "custody_events" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "custody_events";
-- reverse: create "custody_events" table
DROP TABLE `custody_events`;
-- reverse: create index "criminalcase_convict_id_case_number" to table: "criminal_cases"
DROP INDEX `criminalcase_convict_id_case_number`;
-- reverse: set sequence for "criminal_cases" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "criminal_cases";
-- reverse: create "criminal_cases" table
DROP TABLE `criminal_cases`;
-- reverse: create index "convict_national_identity_number" to table: "convicts"
DROP INDEX `convict_national_identity_number`;
-- reverse: create index "convict_unit_id" to table: "convicts"
DROP INDEX `convict_unit_id`;
-- reverse: set sequence for "convicts" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "convicts";
-- reverse: create "convicts" table
DROP TABLE `convicts`;
-- reverse: set sequence for "conditions" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "conditions";
-- reverse: create "conditions" table
DROP TABLE `conditions`;
-- reverse: create index "auditevent_occurred_at" to table: "audit_events"
DROP INDEX `auditevent_occurred_at`;
-- reverse: create index "auditevent_entity_type_entity_id" to table: "audit_events"
DROP INDEX `auditevent_entity_type_entity_id`;
-- reverse: create index "audit_events_seq_key" to table: "audit_events"
DROP INDEX `audit_events_seq_key`;
-- reverse: set sequence for "audit_events" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "audit_events";
-- reverse: create "audit_events" table
DROP TABLE `audit_events`;
-- reverse: create index "assessment_custody_event_id_survivor_id" to table: "assessments"
DROP INDEX `assessment_custody_event_id_survivor_id`;
-- reverse: create index "assessment_custody_event_id_victim_id" to table: "assessments"
DROP INDEX `assessment_custody_event_id_victim_id`;
-- reverse: set sequence for "assessments" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "assessments";
-- reverse: create "assessments" table
DROP TABLE `assessments`;
-- reverse: set sequence for "appeals" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "appeals";
-- reverse: create "appeals" table
DROP TABLE `appeals`;
-- reverse: create index "alert_unit_id_resolved_at" to table: "alerts"
DROP INDEX `alert_unit_id_resolved_at`;
-- reverse: create index "alerts_key_key" to table: "alerts"
DROP INDEX `alerts_key_key`;
-- reverse: set sequence for "alerts" table
UPDATE sqlite_sequence SET seq = 0 WHERE name = "alerts";
-- reverse: create "alerts" table
DROP TABLE `alerts`;
-- reverse: create index "accesslogentry_actor" to table: "access_log_entries"
DROP INDEX `accesslogentry_actor`;
-- reverse: create index "accesslogentry_occurred_at" to table: "access_log_entries"
DROP INDEX `accesslogentry_occurred_at`;
-- reverse: create index "accesslogentry_person_type_person_id" to table: "access_log_entries"
DROP INDEX `accesslogentry_person_type_person_id`;
-- reverse: create "access_log_entries" table
DROP TABLE `access_log_entries`;
