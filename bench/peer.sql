-- peer.sql - the sqlite3 shell doing the work of `aduan-add --from csv`.
--
-- bench/run runs it in one sqlite3 invocation, right after
--   .import --csv --schema temp FILE staging
-- has loaded the CSV into temp.staging (one TEXT column per header
-- name), against a database made by `aduan init --preset bontang-utara`,
-- so the schema, indexes and FTS triggers are aduan's own.
--
-- It writes the rows aduan writes: local Asia/Makassar (UTC+8) times as
-- UTC, phones as E.164, RT as three digits, kelurahan names and aliases
-- folded onto the kelurahan table, a random v4-shaped uid, one
-- invocation row and one 'create' event per complaint, all in one
-- transaction, with the connection settings aduan uses.

PRAGMA foreign_keys = ON;
PRAGMA synchronous = FULL;

BEGIN IMMEDIATE;

INSERT INTO invocation(at, actor, command)
VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'bench', 'sqlite3 bench/peer.sql');

CREATE TEMP TABLE mark AS
SELECT (SELECT max(id) FROM invocation) AS inv,
       (SELECT coalesce(max(id), 0) FROM complaint) AS last;

INSERT INTO complaint(uid, received_at, created_at, channel, source, reporter_name,
    reporter_phone, anonymous, kelurahan, rt, location, category, body, priority, status)
SELECT
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
    substr(lower(hex(randomblob(2))), 2) || '-' ||
    substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) ||
    '-' || lower(hex(randomblob(6))),
  strftime('%Y-%m-%dT%H:%M:%SZ', trim(s.received_at), '-8 hours'),
  strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
  lower(trim(s.channel)),
  nullif(trim(s.source), ''),
  nullif(trim(s.reporter_name), ''),
  CASE
    WHEN s.p = '' THEN NULL
    WHEN s.p LIKE '+%' THEN s.p
    WHEN s.p LIKE '00%' THEN '+' || substr(s.p, 3)
    WHEN s.p LIKE '0%' THEN '+62' || substr(s.p, 2)
    WHEN s.p LIKE '62%' THEN '+' || s.p
    ELSE '+62' || s.p
  END,
  CAST(coalesce(nullif(trim(s.anonymous), ''), '0') AS INTEGER),
  coalesce((SELECT k.name FROM kelurahan k WHERE k.folded = s.kf),
           (SELECT a.kelurahan FROM kelurahan_alias a WHERE a.folded = s.kf),
           nullif(trim(s.kelurahan), '')),   -- unknown: the foreign key refuses it
  CASE WHEN trim(s.rt) = '' THEN NULL ELSE printf('%03d', CAST(trim(s.rt) AS INTEGER)) END,
  nullif(trim(s.location), ''),
  nullif(trim(s.category), ''),
  trim(s.body, char(32, 9, 13, 10)),
  coalesce(nullif(lower(trim(s.priority)), ''), 'normal'),
  'open'
FROM (
  SELECT st.rowid AS rn, st.*,
         replace(replace(replace(trim(st.reporter_phone), ' ', ''), '-', ''), '.', '') AS p,
         lower(replace(replace(replace(replace(trim(st.kelurahan), ' ', ''), '-', ''),
               '.', ''), '_', '')) AS kf
  FROM temp.staging st
) AS s
ORDER BY s.rn;

INSERT INTO event(complaint, at, actor, action, new_status, note, invocation)
SELECT c.id, i.at, i.actor, 'create', c.status, NULL, i.id
FROM complaint c, invocation i, temp.mark m
WHERE i.id = m.inv AND c.id > m.last
ORDER BY c.id;

COMMIT;

DROP TABLE temp.mark;
DROP TABLE temp.staging;
