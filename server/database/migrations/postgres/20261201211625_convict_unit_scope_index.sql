-- +goose Up
-- drop index "convict_unit_id" from table: "convicts"
DROP INDEX "convict_unit_id";
-- create index "convict_unit_id_id" to table: "convicts"
CREATE INDEX "convict_unit_id_id" ON "convicts" ("unit_id", "id");

-- +goose Down
-- reverse: create index "convict_unit_id_id" to table: "convicts"
DROP INDEX "convict_unit_id_id";
-- reverse: drop index "convict_unit_id" from table: "convicts"
CREATE INDEX "convict_unit_id" ON "convicts" ("unit_id");
