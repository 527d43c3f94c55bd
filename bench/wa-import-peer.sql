-- wa-import-peer.sql - the sqlite3 shell doing the SQL work of
-- `aduan-add --from whatsapp --all`: the complaints the dry run would add
-- (`aduan-add --dry-run --format jsonl`, made into one JSON array in
-- recs.json beforehand) inserted into a database made by
-- `aduan init --preset bontang-utara`, so the schema, the unique source
-- keys, the indexes and the FTS5 triggers are aduan's own; a random
-- v4-shaped uid, one invocation row and one 'create' event per
-- complaint; then every message of the export in the archive (the
-- dry run's `--messages`, one JSON array in msgs.json) with its
-- decision, reason and complaint, and the group's latest message; all
-- in one transaction, with aduan's connection settings.

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

-- the archive: the complaint of a message is the one its group made,
-- counted in the order of the export (the complaints' ids are in it too)
INSERT INTO message(source_key, source, received_at, author, body, kind, decision, reason,
    complaint, invocation)
SELECT value ->> 'source_key', (SELECT source FROM complaint WHERE id = m.last + 1),
  strftime('%Y-%m-%dT%H:%M:%SZ', value ->> 'at', '-8 hours'), value ->> 'author',
  value ->> 'body', value ->> 'kind', value ->> 'decision', value ->> 'why',
  CASE WHEN value ->> 'decision' IN ('complaint', 'joined') THEN m.last +
    sum(value ->> 'decision' = 'complaint') OVER (ORDER BY key ROWS UNBOUNDED PRECEDING) END,
  m.inv
FROM json_each(readfile('msgs.json')), temp.mark m
ORDER BY key;

INSERT INTO message_source(source, latest)
SELECT source, received_at FROM message ORDER BY id DESC LIMIT 1;

COMMIT;

DROP TABLE temp.mark;
