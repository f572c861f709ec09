-- +goose Up
-- modify "disclosures" table
ALTER TABLE "disclosures" DROP CONSTRAINT "disclosures_convicts_convict", DROP CONSTRAINT "disclosures_units_unit", ALTER COLUMN "convict_id" DROP NOT NULL, ALTER COLUMN "unit_id" DROP NOT NULL, ADD COLUMN "national_identity_number" character varying NULL, ADD COLUMN "held" character varying NULL, ADD CONSTRAINT "disclosures_convicts_convict" FOREIGN KEY ("convict_id") REFERENCES "convicts" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "disclosures_units_unit" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;

-- +goose Down
-- reverse: modify "disclosures" table
ALTER TABLE "disclosures" DROP CONSTRAINT "disclosures_units_unit", DROP CONSTRAINT "disclosures_convicts_convict", DROP COLUMN "held", DROP COLUMN "national_identity_number", ALTER COLUMN "unit_id" SET NOT NULL, ALTER COLUMN "convict_id" SET NOT NULL, ADD CONSTRAINT "disclosures_units_unit" FOREIGN KEY ("unit_id") REFERENCES "units" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, ADD CONSTRAINT "disclosures_convicts_convict" FOREIGN KEY ("convict_id") REFERENCES "convicts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
