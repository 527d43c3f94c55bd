#!/bin/sh
# aduan-add --from whatsapp: keys of many messages in one minute.  The
# same words from one author get "#1", "#2"... whatever lies between
# them (other authors, marks, a tab, spaces at the end, groups done with
# and their places given to others), and no two other messages share a
# key.  The keys expected are worked out here, in Perl, from the file.
. "${0%/*}/lib.sh"

# a chat: 300 messages over three minutes (the second holds more than
# are told apart), drawn from words that are the same in plain form and
# some that are not
perl -e '
	srand(7);
	my $long = "panjang " x 200;
	my @body = ("lampu mati", "lampu mati  ", "\xe2\x80\x8elampu mati", "lampu\tmati",
	    "lampu mati.", "lampu \xe2\x80\x8fmati", "\xef\xbb\xbflampu mati \xe2\x80\x8e ",
	    $long, "$long ", "baris satu \nbaris dua", "baris satu\nbaris dua  ",
	    "got mampet \xe2\x80\xa6 sudah lama", "got mampet \xe2\x80\xa6 sudah lama ",
	    "sampah menumpuk di gang Mawar sejak kemarin sore", "ok");
	my @who = ("Siti Aminah", "Budi", "+62 812-5501-2233", "Ani");
	for my $i (0 .. 299) {
		my $min = $i < 64 ? 15 : $i < 264 ? 16 : 17;
		printf "14/11/24 09.%02d - %s: %s\n", $min, $who[int(rand(@who))],
		    $body[int(rand(@body))];
	}' >chat.txt
# the keys: FNV-1a of the plain form (no marks, a tab a space, no spaces
# at line ends), numbered among the first 64 messages of the minute
perl -e '
	use integer;
	my (@msg, %nth, %count, $min);
	while (<>) {
		if (m{^14/11/24 09\.(\d\d) - ([^:]+): (.*)$}s) {
			push @msg, [$1, $2, $3];
		} else {
			$msg[-1][2] .= $_;
		}
	}
	for my $m (@msg) {
		my ($mm, $who, $b) = @$m;
		chomp $b;
		$b =~ s/\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf//g;
		$b =~ tr/\t/ /;
		$b =~ s/ +\n/\n/g;
		$b =~ s/ +$//;
		my $h = -3750763034362895579;
		for (unpack("C*", $b)) { $h ^= $_; $h *= 1099511628211; }
		$who = "+6281255012233" if $who =~ /^\+62/;
		my $key;
		{ no integer; $key = sprintf "wa2:RT 07|2024-11-14T09:%s|%s|%016x", $mm, $who, $h; }
		if (!defined $min || $min ne $mm) { %count = (); $min = $mm; $n = 0; }
		my $k = $count{$key} // 0;
		print $k ? "$key#$k\n" : "$key\n";
		$count{$key}++ if $n++ < 64;
	}' chat.txt >want
is "$(wc -l <want | tr -d ' ')" 300 "300 messages expected"
is "$(grep -c '#' want | sed 's/^[1-9][0-9]*$/some/')" some "some of them numbered"
is "$(grep -c 'T09:15' want)" 64 "64 in the first minute"
is "$(grep 'T09:15' want | sort | uniq -d | wc -l | tr -d ' ')" 0 "none of them expected alike"

for join in 0 10; do
	run aduan-add --from whatsapp --all --join $join --group "RT 07" --dry-run --messages chat.txt
	is "$rc" 0 "a chat of 300 messages in three minutes reads (--join $join)"
	sed 's/.*"source_key":"\([^"]*\)".*/\1/' out >got
	is "$(diff want got)" "" "each message's key numbered among identical ones of its minute (--join $join)"
done
# a message told apart from one read more than a ring of groups before
# in its minute, whose place went to another since (the long one's
# memory given back first)
perl -e '
	my $long = "panjang " x 200;
	print "14/11/24 09.15 - Ani: lampu mati\n14/11/24 09.15 - Budi: $long\n";
	printf "14/11/24 09.15 - %s: pesan %d\n", $_ % 2 ? "Dewi" : "Siti Aminah", $_ for 1 .. 1100;
	print "14/11/24 09.15 - Ani: lampu mati  \n14/11/24 09.15 - Budi: $long \n";' >far.txt
run aduan-add --from whatsapp --all --join 0 --group "RT 07" --dry-run --messages far.txt
is "$rc" 0 "1,104 messages in one minute read"
is "$(sed 's/.*"source_key":"\([^"]*\)".*/\1/' out | sed -n '1103,1104s/.*|//p' | tr '\n' ' ')" \
	"$(sed -n 1,2p out | sed 's/.*"source_key":"\([^"]*\)".*/\1/; s/.*|//; s/$/#1/' | tr '\n' ' ')" \
	"the last two are the first two again: #1"

# the same file again: every message already present
run aduan-add --from whatsapp --all --group "RT 07" chat.txt
is "$rc" 0 "the chat imports"
run aduan-add --from whatsapp --all --group "RT 07" chat.txt
like err '0 complaints added' "and again adds nothing: its keys are the same"
done_testing
