-- The lease of an Alibaba FileUrl download (docs/design.md, "Cluster"): each claim of the download
-- takes the next number, and its node refreshes fetch_alive_at while bytes arrive. A download whose
-- node fell silent for longer than the lease is claimed again by another node (the stalled-import
-- timer queues it); a failure reported under an older claim changes nothing. Nullable, no default:
-- both are added without rewriting the table, and downloads of the release before fall back to
-- fetch_started_at.
ALTER TABLE upload_request ADD COLUMN fetch_claim INTEGER;
ALTER TABLE upload_request ADD COLUMN fetch_alive_at TIMESTAMP(6) WITH TIME ZONE;
