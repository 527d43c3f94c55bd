// wa-peer.js FILE - the peer of aduan's WhatsApp parser in bench/whatsapp-bench:
// the npm package whatsapp-chat-parser (4.0.2) parsing FILE with parseString.
//
//   NODE_PATH=bench/out/npm/node_modules node bench/wa-peer.js FILE
//
// Reads the whole file into one string (readFileSync), as the package's
// README does: parseString takes a string, it has no streaming interface.
// parseAttachments is on, so that it does what aduan's parser does too
// (take the attached file's name out of "IMG-...jpg (file terlampir)").
// Prints "messages M", "system S" (messages without an author: the lines
// the package finds no "Name: " in) and "attachments A" on stdout.
'use strict';
const fs = require('fs');
const path = require('path');

let parser;
try {
	parser = require('whatsapp-chat-parser');
} catch (e) {
	// bench/out/npm beside this script, where whatsapp-bench installs it
	parser = require(path.join(__dirname, 'out', 'npm', 'node_modules', 'whatsapp-chat-parser'));
}

const file = process.argv[2];
if (!file) {
	process.stderr.write('usage: node wa-peer.js FILE\n');
	process.exit(2);
}
const messages = parser.parseString(fs.readFileSync(file, 'utf8'), { parseAttachments: true });
let system = 0, attachments = 0;
for (const m of messages) {
	if (m.author === null)
		system++;
	if (m.attachment)
		attachments++;
}
process.stdout.write(`messages ${messages.length}\nsystem ${system}\nattachments ${attachments}\n`);
