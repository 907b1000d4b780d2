-- Every replica's published-issue cache looks every few seconds for issues changed since its last
-- look (BulletinService.changedSince, where updated_at >= ?): an index keeps that a short range
-- read instead of a scan of the whole archive.
create index bulletin_updated_at_idx on bulletin (updated_at);
