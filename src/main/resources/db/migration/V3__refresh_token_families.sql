-- Rotation with families: every refresh token belongs to the family that one password login started, and a
-- rotated token has exactly one successor (its jti is derived from the parent's, and jti_hash is unique).
-- revoked_at now means revoked (logout, reuse, password change); rotated_at means replaced by its successor.
ALTER TABLE refresh_token ADD COLUMN family_id VARCHAR(64);
ALTER TABLE refresh_token ADD COLUMN family_started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE refresh_token ADD COLUMN rotated_at TIMESTAMP WITH TIME ZONE;
UPDATE refresh_token SET family_id = jti_hash, family_started_at = issued_at;
ALTER TABLE refresh_token ALTER COLUMN family_id SET NOT NULL;
ALTER TABLE refresh_token ALTER COLUMN family_started_at SET NOT NULL;
CREATE INDEX refresh_token_family_idx ON refresh_token (family_id);
