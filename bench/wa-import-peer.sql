-- wa-import-peer.sql - the sqlite3 shell doing the SQL work of
-- `aduan-add --from whatsapp --all`: the complaints the dry run would add
-- (`aduan-add --dry-run --format jsonl`, made into one JSON array in
-- recs.json beforehand) inserted into a database made by
-- `aduan init --preset bontang-utara`, so the schema, the unique source
-- keys, the indexes and the FTS5 triggers are aduan's own; a random
-- v4-shaped uid, one invocation row and one 'create' event per
-- complaint, in one transaction, with aduan's connection settings.

PRAGMA foreign_keys = ON;
PRAGMA synchronous = FULL;

BEGIN IMMEDIATE;

INSERT INTO invocation(at, actor, command)
VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench', 'sqlite3 bench/wa-import-peer.sql');

CREATE TEMP TABLE mark AS
SELECT (SELECT max(id) FROM invocation) AS inv,
       (SELECT coalesce(max(id), 0) FROM complaint) AS last;

INSERT INTO complaint(uid, source_key, received_at, created_at, channel, source, reporter_name,
    reporter_phone, anonymous, confidential, lat, lon, body, attachments, priority, status)
SELECT
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) ||
    '-' || lower(hex(randomblob(6))),
  value ->> 'source_key', value ->> 'received_at',
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
  'whatsapp', value ->> 'source', value ->> 'reporter_name', value ->> 'reporter_phone',
  0, 0, value ->> 'lat', value ->> 'lon', value ->> 'body', value ->> 'attachments',
  'normal', 'open'
FROM json_each(readfile('recs.json'))
ORDER BY key;

INSERT INTO event(complaint, at, actor, action, new_status, note, invocation)
SELECT c.id, i.at, i.actor, 'create', c.status, NULL, i.id
FROM complaint c, invocation i, temp.mark m
WHERE i.id = m.inv AND c.id > m.last
ORDER BY c.id;

COMMIT;

DROP TABLE temp.mark;
