-- What analyze needs to be resumable and idempotent: every row an extractor writes names the
-- artifact it was extracted from (origin) and the extractor, so that an interrupted extraction can
-- be undone and done again; the extractor's version decides when it must run again.

ALTER TABLE artifacts ADD COLUMN origin_id BIGINT;
ALTER TABLE artifacts ADD COLUMN extractor VARCHAR(60);
CREATE INDEX artifacts_origin ON artifacts (origin_id, extractor);

ALTER TABLE activities ADD COLUMN origin_id BIGINT;
CREATE INDEX activities_origin ON activities (origin_id, extractor);

ALTER TABLE processing ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- an error met many times in one artifact (bad lines of a log) is one row with a count and examples
ALTER TABLE extraction_errors ADD COLUMN occurrences BIGINT NOT NULL DEFAULT 1;
ALTER TABLE extraction_errors ADD COLUMN examples TEXT;
CREATE INDEX extraction_errors_artifact ON extraction_errors (artifact_id, plugin);
