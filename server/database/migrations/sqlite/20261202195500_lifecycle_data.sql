-- +goose Up
-- No part of a code-6 address is stored (RC9): not the postal code, the
-- place or the country either.
UPDATE victims SET address_line = NULL, postal_code = NULL, postal_place = NULL, country = NULL
  WHERE address_protection IN ('STRENGT_FORTROLIG', 'STRENGT_FORTROLIG_UTLAND');
UPDATE survivors SET address_line = NULL, postal_code = NULL, postal_place = NULL, country = NULL
  WHERE address_protection IN ('STRENGT_FORTROLIG', 'STRENGT_FORTROLIG_UTLAND');
UPDATE guardians SET address_line = NULL, postal_code = NULL, postal_place = NULL, country = NULL
  WHERE address_protection IN ('STRENGT_FORTROLIG', 'STRENGT_FORTROLIG_UTLAND');
-- Criminal record information rests on politiregisterloven § 9; the
-- criminal records act was repealed (IX3).
UPDATE disclosures SET legal_basis = 'POLITIREGISTERLOVEN_9' WHERE legal_basis = 'STRAFFEREGISTRERINGSLOVEN';
-- When the police's statement came is when it was recorded (AS2).
UPDATE security_assessments SET police_statement_at = updated_at
  WHERE police_statement IS NOT NULL AND police_statement <> '' AND police_statement_at IS NULL;

-- +goose Down
UPDATE disclosures SET legal_basis = 'STRAFFEREGISTRERINGSLOVEN' WHERE legal_basis = 'POLITIREGISTERLOVEN_9';
