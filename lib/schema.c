/*
 * schema.c - the database schema as forward-only migrations.
 *
 * Never edit a migration that has shipped: append a new one.  Each runs
 * inside the transaction that also sets PRAGMA user_version.
 */
#include "schema.h"

const char *const aduan_migrations[] = {
	/* 1: the first schema */
	"CREATE TABLE setting (\n"
	"  key   TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE kelurahan (\n"
	"  name   TEXT PRIMARY KEY,\n"
	"  code   TEXT UNIQUE,\n"
	"  folded TEXT NOT NULL UNIQUE\n"
	") STRICT;\n"
	"CREATE TABLE kelurahan_alias (\n"
	"  folded    TEXT PRIMARY KEY,\n"
	"  alias     TEXT NOT NULL,\n"
	"  kelurahan TEXT NOT NULL REFERENCES kelurahan(name) ON UPDATE CASCADE ON DELETE CASCADE\n"
	") STRICT;\n"
	"CREATE TABLE agency (\n"
	"  code     TEXT PRIMARY KEY,\n"
	"  name     TEXT NOT NULL,\n"
	"  sla_days INTEGER CHECK (sla_days IS NULL OR sla_days > 0),\n"
	"  contact  TEXT\n"
	") STRICT;\n"
	"CREATE TABLE holiday (\n"
	"  day  TEXT PRIMARY KEY,\n"
	"  name TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE invocation (\n"
	"  id      INTEGER PRIMARY KEY,\n"
	"  at      TEXT NOT NULL,\n"
	"  actor   TEXT NOT NULL,\n"
	"  command TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE TABLE complaint (\n"
	"  id             INTEGER PRIMARY KEY,\n"
	"  uid            TEXT NOT NULL UNIQUE,\n"
	"  source_key     TEXT UNIQUE,\n"
	"  received_at    TEXT NOT NULL,\n"
	"  created_at     TEXT NOT NULL,\n"
	"  channel        TEXT NOT NULL CHECK (channel IN ('whatsapp','facebook','instagram',\n"
	"                   'walk-in','phone','sms','email','letter','web','other')),\n"
	"  source         TEXT,\n"
	"  reporter_name  TEXT,\n"
	"  reporter_phone TEXT,\n"
	"  anonymous      INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),\n"
	"  confidential   INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),\n"
	"  kelurahan      TEXT REFERENCES kelurahan(name) ON UPDATE CASCADE,\n"
	"  rt             TEXT,\n"
	"  location       TEXT,\n"
	"  lat            REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),\n"
	"  lon            REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),\n"
	"  category       TEXT,\n"
	"  body           TEXT NOT NULL,\n"
	"  attachments    TEXT,\n"
	"  priority       TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent','normal','low')),\n"
	"  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','routed','closed')),\n"
	"  agency         TEXT REFERENCES agency(code) ON UPDATE CASCADE,\n"
	"  due_at         TEXT,\n"
	"  closed_at      TEXT,\n"
	"  resolution     TEXT CHECK (resolution IS NULL OR resolution IN\n"
	"                   ('resolved','rejected','duplicate','withdrawn')),\n"
	"  duplicate_of   INTEGER REFERENCES complaint(id)\n"
	") STRICT;\n"
	"CREATE INDEX complaint_received ON complaint(received_at);\n"
	"CREATE INDEX complaint_status ON complaint(status, due_at);\n"
	"CREATE INDEX complaint_kelurahan ON complaint(kelurahan, received_at);\n"
	"CREATE INDEX complaint_agency ON complaint(agency);\n"
	"CREATE INDEX complaint_phone ON complaint(reporter_phone) WHERE reporter_phone IS NOT NULL;\n"
	"CREATE TABLE event (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  complaint  INTEGER NOT NULL REFERENCES complaint(id) ON DELETE CASCADE,\n"
	"  at         TEXT NOT NULL,\n"
	"  actor      TEXT NOT NULL,\n"
	"  action     TEXT NOT NULL CHECK (action IN ('create','route','note','close','reopen',\n"
	"                 'edit','export','undo','purge')),\n"
	"  old_status TEXT,\n"
	"  new_status TEXT,\n"
	"  old_agency TEXT,\n"
	"  new_agency TEXT,\n"
	"  note       TEXT,\n"
	"  invocation INTEGER NOT NULL REFERENCES invocation(id)\n"
	") STRICT;\n"
	"CREATE INDEX event_complaint ON event(complaint);\n"
	"CREATE INDEX event_invocation ON event(invocation);\n"
	"CREATE VIRTUAL TABLE complaint_fts USING fts5(body, location, category,\n"
	"  content='complaint', content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"
	"CREATE TRIGGER complaint_fts_ai AFTER INSERT ON complaint BEGIN\n"
	"  INSERT INTO complaint_fts(rowid, body, location, category)\n"
	"    VALUES (new.id, new.body, new.location, new.category);\n"
	"END;\n"
	"CREATE TRIGGER complaint_fts_ad AFTER DELETE ON complaint BEGIN\n"
	"  INSERT INTO complaint_fts(complaint_fts, rowid, body, location, category)\n"
	"    VALUES ('delete', old.id, old.body, old.location, old.category);\n"
	"END;\n"
	"CREATE TRIGGER complaint_fts_au AFTER UPDATE OF body, location, category ON complaint BEGIN\n"
	"  INSERT INTO complaint_fts(complaint_fts, rowid, body, location, category)\n"
	"    VALUES ('delete', old.id, old.body, old.location, old.category);\n"
	"  INSERT INTO complaint_fts(rowid, body, location, category)\n"
	"    VALUES (new.id, new.body, new.location, new.category);\n"
	"END;\n",

	/*
	 * 2: routing rules, and what undo needs.  rule.position orders the
	 * rules (first match wins); a rule matches on keywords in pattern,
	 * on the complaint's category, or on both.  event.prior keeps the
	 * complaint's lifecycle fields as they were before the event (a JSON
	 * object), so that 'aduan undo' can put them back;
	 * invocation.undone_by names the 'aduan undo' that reverted it.
	 */
	"CREATE TABLE rule (\n"
	"  id             INTEGER PRIMARY KEY,\n"
	"  position       INTEGER NOT NULL,\n"
	"  pattern        TEXT NOT NULL DEFAULT '',\n"
	"  category_match TEXT,\n"
	"  agency         TEXT NOT NULL REFERENCES agency(code) ON UPDATE CASCADE,\n"
	"  set_category   TEXT,\n"
	"  set_priority   TEXT CHECK (set_priority IS NULL OR set_priority IN ('urgent','normal','low')),\n"
	"  CHECK (pattern <> '' OR category_match IS NOT NULL)\n"
	") STRICT;\n"
	"CREATE INDEX rule_position ON rule(position);\n"
	"CREATE INDEX rule_agency ON rule(agency);\n"
	"ALTER TABLE event ADD COLUMN prior TEXT;\n"
	"ALTER TABLE invocation ADD COLUMN undone_by INTEGER REFERENCES invocation(id);\n",

	/*
	 * 3: the record of who was given a complaint's personal data (its
	 * 'export' events) outlives the complaint when 'aduan undo' deletes
	 * an added one: no foreign key on purpose.
	 */
	"CREATE TABLE export_audit (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  complaint  INTEGER NOT NULL,\n"
	"  at         TEXT NOT NULL,\n"
	"  actor      TEXT NOT NULL,\n"
	"  note       TEXT,\n"
	"  invocation INTEGER NOT NULL REFERENCES invocation(id)\n"
	") STRICT;\n"
	"CREATE INDEX export_audit_complaint ON export_audit(complaint);\n",

	/*
	 * 4: forwarding and answering.  An agency's contacts as fields (the
	 * free-text contact stays); the office's own versions of the message
	 * templates; and two history actions: 'forward' (a complaint's text
	 * went to an agency: how and to whom) and 'reply' (an answer to the
	 * citizen was made).  SQLite cannot widen a CHECK in place, so the
	 * event table is rebuilt with the same columns and rows.
	 */
	"ALTER TABLE agency ADD COLUMN whatsapp TEXT;\n"
	"ALTER TABLE agency ADD COLUMN email TEXT;\n"
	"ALTER TABLE agency ADD COLUMN address TEXT;\n"
	"ALTER TABLE agency ADD COLUMN officer TEXT;\n"
	"ALTER TABLE agency ADD COLUMN title TEXT;\n"
	"CREATE TABLE template (\n"
	"  name TEXT NOT NULL,\n"
	"  lang TEXT NOT NULL,\n"
	"  body TEXT NOT NULL,\n"
	"  PRIMARY KEY (name, lang)\n"
	") STRICT;\n"
	"CREATE TABLE event_new (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  complaint  INTEGER NOT NULL REFERENCES complaint(id) ON DELETE CASCADE,\n"
	"  at         TEXT NOT NULL,\n"
	"  actor      TEXT NOT NULL,\n"
	"  action     TEXT NOT NULL CHECK (action IN ('create','route','note','close','reopen',\n"
	"                 'edit','export','undo','purge','forward','reply')),\n"
	"  old_status TEXT,\n"
	"  new_status TEXT,\n"
	"  old_agency TEXT,\n"
	"  new_agency TEXT,\n"
	"  note       TEXT,\n"
	"  invocation INTEGER NOT NULL REFERENCES invocation(id),\n"
	"  prior      TEXT\n"
	") STRICT;\n"
	"INSERT INTO event_new SELECT id, complaint, at, actor, action, old_status, new_status,\n"
	"  old_agency, new_agency, note, invocation, prior FROM event;\n"
	"DROP TABLE event;\n"
	"ALTER TABLE event_new RENAME TO event;\n"
	"CREATE INDEX event_complaint ON event(complaint);\n"
	"CREATE INDEX event_invocation ON event(invocation);\n",

	/*
	 * 5: scored routing and learning from the office.  rule.weight
	 * multiplies a rule's score.  route_learn holds the complaints a
	 * person routed (by hand, confirming, or correcting a route) and
	 * the agency chosen; complaint_stem the stems of their text
	 * (stem.h), written by the library, searched with bm25.  Editing a
	 * complaint's text takes it out of the index (a trigger needing no
	 * stemmer, so any SQLite client can still write complaints).
	 * Existing databases learn from the routes people made: the last
	 * route event of each complaint that was not made by a rule.
	 */
	"ALTER TABLE rule ADD COLUMN weight REAL NOT NULL DEFAULT 1 CHECK (weight > 0);\n"
	"CREATE TABLE route_learn (\n"
	"  complaint INTEGER PRIMARY KEY REFERENCES complaint(id) ON DELETE CASCADE,\n"
	"  agency    TEXT NOT NULL REFERENCES agency(code) ON UPDATE CASCADE,\n"
	"  how       TEXT NOT NULL CHECK (how IN ('hand','confirmed','correction'))\n"
	") STRICT;\n"
	"CREATE VIRTUAL TABLE complaint_stem USING fts5(stems, detail=column,\n"
	"  tokenize='unicode61 remove_diacritics 0');\n"
	"CREATE VIRTUAL TABLE complaint_stem_vocab USING fts5vocab(complaint_stem, row);\n"
	"CREATE TRIGGER route_learn_ad AFTER DELETE ON route_learn BEGIN\n"
	"  DELETE FROM complaint_stem WHERE rowid = old.complaint;\n"
	"END;\n"
	"CREATE TRIGGER complaint_stem_au AFTER UPDATE OF body ON complaint BEGIN\n"
	"  DELETE FROM route_learn WHERE complaint = old.id;\n"
	"END;\n"
	"INSERT INTO route_learn(complaint, agency, how)\n"
	"  SELECT c.id, c.agency, CASE WHEN e.old_agency IS NULL THEN 'hand' ELSE 'correction' END\n"
	"  FROM complaint c JOIN event e ON e.id = (SELECT max(id) FROM event\n"
	"    WHERE complaint = c.id AND action = 'route')\n"
	"  WHERE c.agency IS NOT NULL AND e.new_agency = c.agency\n"
	"    AND (e.note IS NULL OR (e.note NOT GLOB 'rule [0-9]*' AND e.note NOT GLOB 'learned*'));\n"
	"INSERT INTO complaint_stem(rowid, stems)\n"
	"  SELECT l.complaint, aduan_stems(c.body) FROM route_learn l\n"
	"  JOIN complaint c ON c.id = l.complaint;\n",

	/*
	 * 6: tracking numbers are never given twice.  With AUTOINCREMENT the
	 * next id comes from a high-water mark (sqlite_sequence) that undo,
	 * purge and VACUUM leave alone, not from the largest id still there.
	 * The table is rebuilt with the same rows, indexes and triggers
	 * (search, stems) (foreign keys are off while migrations run, then checked);
	 * the mark starts above every id the history has seen.
	 */
	"CREATE TABLE complaint_new (\n"
	"  id             INTEGER PRIMARY KEY AUTOINCREMENT,\n"
	"  uid            TEXT NOT NULL UNIQUE,\n"
	"  source_key     TEXT UNIQUE,\n"
	"  received_at    TEXT NOT NULL,\n"
	"  created_at     TEXT NOT NULL,\n"
	"  channel        TEXT NOT NULL CHECK (channel IN ('whatsapp','facebook','instagram',\n"
	"                   'walk-in','phone','sms','email','letter','web','other')),\n"
	"  source         TEXT,\n"
	"  reporter_name  TEXT,\n"
	"  reporter_phone TEXT,\n"
	"  anonymous      INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),\n"
	"  confidential   INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),\n"
	"  kelurahan      TEXT REFERENCES kelurahan(name) ON UPDATE CASCADE,\n"
	"  rt             TEXT,\n"
	"  location       TEXT,\n"
	"  lat            REAL CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),\n"
	"  lon            REAL CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),\n"
	"  category       TEXT,\n"
	"  body           TEXT NOT NULL,\n"
	"  attachments    TEXT,\n"
	"  priority       TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent','normal','low')),\n"
	"  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','routed','closed')),\n"
	"  agency         TEXT REFERENCES agency(code) ON UPDATE CASCADE,\n"
	"  due_at         TEXT,\n"
	"  closed_at      TEXT,\n"
	"  resolution     TEXT CHECK (resolution IS NULL OR resolution IN\n"
	"                   ('resolved','rejected','duplicate','withdrawn')),\n"
	"  duplicate_of   INTEGER REFERENCES complaint(id)\n"
	") STRICT;\n"
	"INSERT INTO complaint_new(id, uid, source_key, received_at, created_at, channel, source,\n"
	"  reporter_name, reporter_phone, anonymous, confidential, kelurahan, rt, location, lat, lon,\n"
	"  category, body, attachments, priority, status, agency, due_at, closed_at, resolution,\n"
	"  duplicate_of)\n"
	"SELECT id, uid, source_key, received_at, created_at, channel, source,\n"
	"  reporter_name, reporter_phone, anonymous, confidential, kelurahan, rt, location, lat, lon,\n"
	"  category, body, attachments, priority, status, agency, due_at, closed_at, resolution,\n"
	"  duplicate_of FROM complaint ORDER BY id;\n"
	"DROP TABLE complaint;\n"
	"ALTER TABLE complaint_new RENAME TO complaint;\n"
	"INSERT INTO sqlite_sequence(name, seq) SELECT 'complaint', 0\n"
	"  WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'complaint');\n"
	"UPDATE sqlite_sequence SET seq = max(seq,\n"
	"  coalesce((SELECT max(id) FROM complaint), 0),\n"
	"  coalesce((SELECT max(complaint) FROM event), 0),\n"
	"  coalesce((SELECT max(complaint) FROM export_audit), 0)) WHERE name = 'complaint';\n"
	"CREATE INDEX complaint_received ON complaint(received_at);\n"
	"CREATE INDEX complaint_status ON complaint(status, due_at);\n"
	"CREATE INDEX complaint_kelurahan ON complaint(kelurahan, received_at);\n"
	"CREATE INDEX complaint_agency ON complaint(agency);\n"
	"CREATE INDEX complaint_phone ON complaint(reporter_phone) WHERE reporter_phone IS NOT NULL;\n"
	"CREATE TRIGGER complaint_fts_ai AFTER INSERT ON complaint BEGIN\n"
	"  INSERT INTO complaint_fts(rowid, body, location, category)\n"
	"    VALUES (new.id, new.body, new.location, new.category);\n"
	"END;\n"
	"CREATE TRIGGER complaint_fts_ad AFTER DELETE ON complaint BEGIN\n"
	"  INSERT INTO complaint_fts(complaint_fts, rowid, body, location, category)\n"
	"    VALUES ('delete', old.id, old.body, old.location, old.category);\n"
	"END;\n"
	"CREATE TRIGGER complaint_fts_au AFTER UPDATE OF body, location, category ON complaint BEGIN\n"
	"  INSERT INTO complaint_fts(complaint_fts, rowid, body, location, category)\n"
	"    VALUES ('delete', old.id, old.body, old.location, old.category);\n"
	"  INSERT INTO complaint_fts(rowid, body, location, category)\n"
	"    VALUES (new.id, new.body, new.location, new.category);\n"
	"END;\n"
	"CREATE TRIGGER complaint_stem_au AFTER UPDATE OF body ON complaint BEGIN\n"
	"  DELETE FROM route_learn WHERE complaint = old.id;\n"
	"END;\n",

	/*
	 * 7: every message of every WhatsApp import, with the decision and its
	 * reason, and WhatsApp groups mapped to a place.  A person's decision
	 * (taken, not-complaint) records who, in which invocation, and in
	 * prior the decision it replaced (a JSON object: decision, decided_by,
	 * decided_in and its own prior), so that undo can put it back;
	 * decided_by is NULL for the import's own rules.  message_source keeps
	 * the latest message of each group, so that an import looks up only
	 * the messages it may have seen before.
	 */
	"CREATE TABLE message (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  source_key  TEXT NOT NULL UNIQUE,\n"
	"  source      TEXT NOT NULL,\n"
	"  received_at TEXT NOT NULL,\n"
	"  author      TEXT,\n"
	"  body        TEXT NOT NULL,\n"
	"  kind        TEXT NOT NULL CHECK (kind IN ('text','media','deleted','location','system')),\n"
	"  decision    TEXT NOT NULL CHECK (decision IN ('complaint','joined','staff','filtered',\n"
	"                'system','taken','not-complaint')),\n"
	"  reason      TEXT NOT NULL,\n"
	"  complaint   INTEGER REFERENCES complaint(id) ON DELETE SET NULL,\n"
	"  decided_by  TEXT,\n"
	"  decided_in  INTEGER REFERENCES invocation(id),\n"
	"  prior       TEXT,\n"
	"  invocation  INTEGER NOT NULL REFERENCES invocation(id)\n"
	") STRICT;\n"
	"CREATE TABLE message_source (\n"
	"  source TEXT PRIMARY KEY,\n"
	"  latest TEXT NOT NULL\n"
	") STRICT;\n"
	"CREATE INDEX message_complaint ON message(complaint) WHERE complaint IS NOT NULL;\n"
	"CREATE INDEX message_decided ON message(decided_in) WHERE decided_in IS NOT NULL;\n"
	"CREATE TABLE wa_group (\n"
	"  name      TEXT NOT NULL,\n"
	"  folded    TEXT PRIMARY KEY,\n"
	"  kelurahan TEXT NOT NULL REFERENCES kelurahan(name) ON UPDATE CASCADE ON DELETE CASCADE,\n"
	"  rt        TEXT\n"
	") STRICT;\n",

	/*
	 * The file a WhatsApp message names as its attachment, when it came
	 * with the chat (in the zip archive read) or may have (a .txt).
	 */
	"ALTER TABLE message ADD COLUMN attachment TEXT;\n",

	/*
	 * 9: what a preset load replaced, so that undo can put it back: the
	 * reference tables before and after the invocation (JSON, see
	 * aduan_preset_load), and a summary for 'aduan undo --list'.
	 */
	"CREATE TABLE refdata_undo (\n"
	"  invocation INTEGER PRIMARY KEY REFERENCES invocation(id),\n"
	"  before     TEXT NOT NULL,\n"
	"  after      TEXT NOT NULL,\n"
	"  summary    TEXT NOT NULL\n"
	") STRICT;\n",

	/*
	 * 10: the same CHECK constraints, written as comparisons.  For a list
	 * of three or more values in IN (...) SQLite builds a temporary table
	 * at every statement, which cost more than the row itself when
	 * complaints, their events and archived messages are written one
	 * statement at a time.  No stored row changes, so the definitions
	 * are edited in place (SQLite's procedure for such changes; migrate()
	 * gives the schema a new version).  Keep such lists out of the CHECKs
	 * of these tables.
	 */
	"PRAGMA writable_schema = ON;\n"
	"UPDATE sqlite_schema SET sql = replace(sql,\n"
	"  'channel IN (''whatsapp'',''facebook'',''instagram'',\n"
	"                   ''walk-in'',''phone'',''sms'',''email'',''letter'',''web'',''other'')',\n"
	"  'channel = ''whatsapp'' OR channel = ''facebook'' OR\n"
	"                   channel = ''instagram'' OR channel = ''walk-in'' OR channel = ''phone'' OR\n"
	"                   channel = ''sms'' OR channel = ''email'' OR channel = ''letter'' OR\n"
	"                   channel = ''web'' OR channel = ''other''')\n"
	"WHERE type = 'table' AND name = 'complaint';\n"
	"UPDATE sqlite_schema SET sql = replace(sql,\n"
	"  'priority IN (''urgent'',''normal'',''low'')',\n"
	"  'priority = ''urgent'' OR priority = ''normal'' OR\n"
	"                   priority = ''low''')\n"
	"WHERE type = 'table' AND name = 'complaint';\n"
	"UPDATE sqlite_schema SET sql = replace(sql,\n"
	"  'status IN (''open'',''routed'',''closed'')',\n"
	"  'status = ''open'' OR status = ''routed'' OR\n"
	"                   status = ''closed''')\n"
	"WHERE type = 'table' AND name = 'complaint';\n"
	"UPDATE sqlite_schema SET sql = replace(sql,\n"
	"  'resolution IN\n"
	"                   (''resolved'',''rejected'',''duplicate'',''withdrawn'')',\n"
	"  'resolution = ''resolved'' OR\n"
	"                   resolution = ''rejected'' OR resolution = ''duplicate'' OR\n"
	"                   resolution = ''withdrawn''')\n"
	"WHERE type = 'table' AND name = 'complaint';\n"
	"UPDATE sqlite_schema SET sql = replace(sql,\n"
	"  'action IN (''create'',''route'',''note'',''close'',''reopen'',\n"
	"                 ''edit'',''export'',''undo'',''purge'',''forward'',''reply'')',\n"
	"  'action = ''create'' OR action = ''route'' OR\n"
	"                 action = ''note'' OR action = ''close'' OR action = ''reopen'' OR\n"
	"                 action = ''edit'' OR action = ''export'' OR action = ''undo'' OR\n"
	"                 action = ''purge'' OR action = ''forward'' OR action = ''reply''')\n"
	"WHERE type = 'table' AND name = 'event';\n"
	"UPDATE sqlite_schema SET sql = replace(sql,\n"
	"  'kind IN (''text'',''media'',''deleted'',''location'',''system'')',\n"
	"  'kind = ''text'' OR kind = ''media'' OR kind = ''deleted'' OR\n"
	"                kind = ''location'' OR kind = ''system''')\n"
	"WHERE type = 'table' AND name = 'message';\n"
	"UPDATE sqlite_schema SET sql = replace(sql,\n"
	"  'decision IN (''complaint'',''joined'',''staff'',''filtered'',\n"
	"                ''system'',''taken'',''not-complaint'')',\n"
	"  'decision = ''complaint'' OR decision = ''joined'' OR\n"
	"                decision = ''staff'' OR decision = ''filtered'' OR decision = ''system'' OR\n"
	"                decision = ''taken'' OR decision = ''not-complaint''')\n"
	"WHERE type = 'table' AND name = 'message';\n"
	"PRAGMA writable_schema = RESET;\n",
};

const int aduan_nmigrations = sizeof(aduan_migrations) / sizeof(aduan_migrations[0]);
