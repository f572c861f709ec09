-- +goose Up
-- create index "appeal_decision_id" to table: "appeals"
CREATE INDEX "appeal_decision_id" ON "appeals" ("decision_id");
-- create index "assessment_custody_event_id_outcome" to table: "assessments"
CREATE INDEX "assessment_custody_event_id_outcome" ON "assessments" ("custody_event_id", "outcome");
-- create index "condition_custody_event_id" to table: "conditions"
CREATE INDEX "condition_custody_event_id" ON "conditions" ("custody_event_id");
-- create index "decision_custody_event" to table: "decisions"
CREATE INDEX "decision_custody_event" ON "decisions" ("custody_event_id");
-- create index "informationrequest_custody_event_id" to table: "information_requests"
CREATE INDEX "informationrequest_custody_event_id" ON "information_requests" ("custody_event_id");
-- create index "policerequest_custody_event_id" to table: "police_requests"
CREATE INDEX "policerequest_custody_event_id" ON "police_requests" ("custody_event_id");
-- create index "securityassessment_custody_event_id" to table: "security_assessments"
CREATE INDEX "securityassessment_custody_event_id" ON "security_assessments" ("custody_event_id");

-- +goose Down
-- reverse: create index "securityassessment_custody_event_id" to table: "security_assessments"
DROP INDEX "securityassessment_custody_event_id";
-- reverse: create index "policerequest_custody_event_id" to table: "police_requests"
DROP INDEX "policerequest_custody_event_id";
-- reverse: create index "informationrequest_custody_event_id" to table: "information_requests"
DROP INDEX "informationrequest_custody_event_id";
-- reverse: create index "decision_custody_event" to table: "decisions"
DROP INDEX "decision_custody_event";
-- reverse: create index "condition_custody_event_id" to table: "conditions"
DROP INDEX "condition_custody_event_id";
-- reverse: create index "assessment_custody_event_id_outcome" to table: "assessments"
DROP INDEX "assessment_custody_event_id_outcome";
-- reverse: create index "appeal_decision_id" to table: "appeals"
DROP INDEX "appeal_decision_id";
