/*
 * gen-whatsapp - write a synthetic Android WhatsApp "Export chat" .txt of
 * an Indonesian kecamatan group with N messages, for bench/whatsapp-bench.
 *
 *   gen-whatsapp [-s SEED] N > "WhatsApp Chat with Forum Warga Bontang Utara.txt"
 *
 * What it looks like (Android, Indonesian phone, day first, dot times):
 *
 *	14/11/24 08.02 - Pesan dan panggilan terenkripsi secara end-to-end. ...
 *	14/11/24 08.05 - Siti Aminah bergabung menggunakan tautan undangan grup ini
 *	14/11/24 09.15 - ~ Rina Lestari: Assalamualaikum pak, izin lapor lampu ...
 *	14/11/24 09.20 - +62 812-5501-2233: IMG-20241114-WA0003.jpg (file terlampir)
 *	Ini fotonya pak, tiangnya yang dekat musholla
 *	14/11/24 09.21 - +62 812-5501-2233: lokasi: https://maps.google.com/?q=0.135812,117.492104
 *
 * Mix (of messages): about 30 % complaints in the words of the intake
 * filter (lapor, mohon, rusak, sampah, ...), the rest replies and chatter
 * without any of those words; ~5 % run over several lines; ~3 % photos
 * or videos (`IMG-YYYYMMDD-WAnnnn.jpg (file terlampir)`, mostly with a
 * caption on the next line); ~1 % shared locations; ~0.2 % deleted;
 * ~0.3 % system lines (joined by link, added, left, removed) and, once
 * every 100,000 messages, a subject change whose quoted subject holds
 * ": ".  Authors: a pool of 600, a quarter of them phone numbers
 * (`+62 812-xxxx-xxxx`), some unsaved names written `~ Name`; one
 * message in seven is a same-author follow-up within three minutes.
 * Times advance from 2019-01-01 06.00, about 480 messages a day,
 * mostly 06.00-22.00.  No continuation line starts with a digit, so no
 * line of text can be read as a header by any parser.
 *
 * Deterministic: the same N and SEED give the same bytes everywhere
 * (splitmix64, no rand(3)).  On stderr it reports what it wrote, one
 * "key value" a line: messages, system (of them with ": " in the
 * line), media, location, deleted, multiline, keyword (messages whose
 * body holds one of aduan's default intake keywords at a word start),
 * followups, lines, bytes.
 *
 * Plain C99 and stdio only: builds with `cc -O2` on a bare Debian, with
 * gen.c (what the generators share) and lib/calendar.c (gen.h).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendar.h"
#include "gen.h"

/* ---- vocabulary ---------------------------------------------------------- */

static const char *const first_names[] = {
	"Muhammad", "Ahmad", "Andi", "Sitti", "Nur", "Hasrul", "Rusdiansyah", "Sri",
	"Wahyuni", "Agus", "Budi", "Dewi", "Fitri", "Hendra", "Irwan", "Jumriah",
	"Kurniawan", "Lestari", "Muhlis", "Nurhayati", "Rahmat", "Syahrul", "Taufik",
	"Yuliana", "Zainal", "Hj. Sitti", "H. Abdul", "Rina", "Eko", "Darmawati",
	"Sulaiman", "Hasanah", "Arief", "Maya", "Ridwan", "Suryani", "Bu", "Pak",
};

static const char *const last_names[] = {
	"Baso", "Wahyuni", "Hasnah", "Saputra", "Rahman", "Hidayat", "Pratama",
	"Lestari", "Mappasessu", "Daeng Ngalle", "Syamsuddin", "Kadir", "Hamid",
	"Nurdin", "Setiawan", "Susanti", "Anwar", "Latif", "Ramli", "Gani",
	"Jaya", "Haris", "Yusuf", "RT 05", "Guntung", "(Lok Tuan)",
};

static const char *const operators[] = {
	"811", "812", "813", "821", "822", "852", "853", "857", "858", "877", "878",
	"895", "896",
};

static const char *const places[] = {
	"Jl. Kapten Pierre Tendean", "Jl. Selat Makassar", "Gang Nelayan", "Jl. Muchtar Lubis",
	"Jl. MT Haryono", "Jl. Ahmad Yani", "Jl. Brigjend Katamso", "Jl. Pattimura",
	"Jl. Pelabuhan", "Jl. KS Tubun", "Jl. Yos Sudarso", "Gang Pelita",
	"Jl. Soekarno-Hatta", "Jl. Poros Guntung", "Gang Sepakat", "Jl. Sakura",
	"Jl. Imam Bonjol", "Jl. DI Panjaitan", "Jl. Gunung Elai Raya", "Gang Masjid",
	"Jl. Awang Long", "Jl. Api-Api Raya", "Gang Atletik", "Jl. Bhayangkara",
	"Bontang Kuala", "Lok Tuan", "Guntung", "Gunung Elai", "Api-Api", "Bontang Baru",
};

/* Complaints: each holds an intake keyword (rusak, sampah, mati, ...). */
static const char *const complaints[] = {
	"jalan di @L rusak dan berlubang besar, sudah @D hari belum ditambal",
	"aspal di @L rusak parah, kemarin ada pengendara motor jatuh",
	"parit di @L tersumbat sampah, tiap hujan banjir sampai ke rumah",
	"saluran air di @L mampet, genangan sudah @D hari tidak surut",
	"tumpukan sampah di @L sudah @D hari tidak diangkut, bau sekali",
	"ada yang bakar sampah di @L tiap malam, asapnya masuk rumah",
	"lampu jalan di @L mati sudah @D hari, malam gelap sekali",
	"lampu PJU di @L padam, rawan kejahatan",
	"air PDAM di @L mati sudah @D hari",
	"pipa PDAM bocor di @L, air terbuang ke jalan",
	"listrik di @L padam @N kali seminggu tanpa pemberitahuan",
	"pohon tumbang di @L menutup separuh jalan",
	"KTP elektronik saya belum jadi sudah @D hari sejak rekam",
	"urus KK di kelurahan dipersulit, disuruh bolak-balik @N kali",
	"akta kelahiran anak belum terbit padahal berkas lengkap",
	"bansos tidak diterima padahal kami keluarga tidak mampu, tinggal di @L",
	"parkir liar di @L bikin macet jam pulang sekolah",
	"balap liar tiap malam minggu di @L, sangat bising",
	"anjing liar berkeliaran di @L, sudah @N anak digigit",
	"ada pungli waktu urus surat pindah di @L",
	"longsor kecil di @L setelah hujan semalam, rumah warga terancam",
	"kebakaran lahan kosong di @L, asapnya tebal",
	"tiang listrik di @L miring, kabelnya hampir putus, tolong dicek",
};

static const char *const openings[] = {
	"", "", "", "Assalamualaikum pak, ", "Selamat pagi, ", "Permisi pak camat, ",
	"Izin lapor, ", "Pak lurah, ", "Halo admin, ", "Assalamualaikum wr wb. ",
	"Selamat siang bapak/ibu, ", "#aduan ", "Mau lapor, ",
};

static const char *const closings[] = {
	"Mohon segera ditindaklanjuti.", "Mohon bantuannya pak.", "Tolong segera diperbaiki.",
	"Terima kasih.", "Mohon perhatiannya.", "Warga sudah resah.", "", "",
	"Kami tunggu tindak lanjutnya.", "Terima kasih atas perhatiannya, wassalam.",
};

/* Replies and chatter: none of these holds an intake keyword. */
static const char *const chatter[] = {
	"Siap pak", "Terima kasih infonya", "Oke bu", "Aamiin", "Selamat pagi semua",
	"Info kerja bakti hari Minggu jam 7 pagi di masjid, warga diharap hadir",
	"Nanti saya sampaikan ke pak RT", "Sudah diperbaiki pak, terima kasih",
	"Baik, sudah kami teruskan ke dinas terkait", "Wa'alaikumsalam",
	"Hari ini posyandu buka jam 8 ya ibu-ibu", "Iya betul itu pak",
	"Jadwal vaksin anak bulan depan di puskesmas", "Ok siap laksanakan",
	"Besok pagi petugas turun ke lokasi", "Alhamdulillah sudah beres",
	"Selamat hari raya, maaf lahir batin",
	"Ada yang tahu jam buka kantor kelurahan hari Sabtu?",
	"Kantor kelurahan buka Senin sampai Jumat jam 8 sampai 16",
	"Undangan rapat warga malam ini ba'da isya di balai RT",
	"Terima kasih pak camat atas respon cepatnya", "Mantap pak",
	"Info pemadaman bergilir dari PLN ada di grup sebelah", "Sudah sampai petugasnya bu",
	"Sama-sama pak", "Maaf baru balas", "Sip", "Sudah dicek tadi pagi, aman",
	"Lomba 17 Agustus pendaftaran di pos ronda", "Nomor pengaduan PDAM 0548-21234",
	"Barakallah", "Sehat selalu pak", "Betul bu, di tempat kami juga begitu",
	"Hehe iya pak", "Kemarin sudah ada petugas yang datang",
};

/* Lines after the first of a multi-line text; none starts with a digit. */
static const char *const more_lines[] = {
	"Mohon dibantu.", "Terima kasih", "", "Alamat: @L", "- sudah @D hari",
	"- belum ada tindakan dari RT", "Foto menyusul", "Wassalam",
	"Kejadiannya tadi pagi sekitar jam 7", "Kalau hujan makin parah",
	"Warga sekitar juga sudah mengeluh", "Nomor yang bisa dihubungi: @P",
	"Sudah @N kali kami sampaikan", "Mohon diteruskan ke dinas terkait",
};

static const char *const captions[] = {
	"Ini fotonya pak", "Kondisinya sekarang", "Fotonya pak, @L",
	"Ini pak lokasinya @L", "Lihat sendiri pak, sudah parah",
	"Tadi pagi saya foto", "Dokumentasi kerja bakti hari ini",
	"Sudah dibersihkan, terima kasih petugas",
};

/* Default intake keywords of aduan (lib/refdata.c), for the stats. */
static const char *const keywords[] = {
	"lapor", "laporan", "melapor", "aduan", "adukan", "mengadu", "keluhan", "mengeluh",
	"komplain", "mohon", "tolong", "rusak", "berlubang", "banjir", "genangan", "sampah",
	"macet", "mati", "padam", "bocor", "tumbang", "kebakaran", "longsor", "bau", "liar",
	"bansos", "ktp", "kk", "akta", "pungli", "#aduan",
};

/* ---- dates --------------------------------------------------------------- */

#define DAY0	17897L	/* 2019-01-01 */

/* ---- state ----------------------------------------------------------------- */

#define NAUTHORS 600
static char authors[NAUTHORS][48];
static long minute;		/* minutes since DAY0 00:00, local */
static long media_day = -1;	/* for the WAnnnn counter */
static unsigned media_seq;
static struct {
	unsigned long long messages, system, system_colon, media, location, deleted,
	    multiline, keyword, followups, lines, bytes;
} st;

static char out[8192];		/* the message being written */
static size_t olen;

static void
add(const char *s)
{
	size_t n = strlen(s);

	if (olen + n >= sizeof(out))
		n = sizeof(out) - 1 - olen;
	memcpy(out + olen, s, n);
	olen += n;
	out[olen] = '\0';
}

static void
phone(char *buf, size_t size)
{
	snprintf(buf, size, "+62 %s-%04u-%04u", ONE(operators), pick(10000), pick(10000));
}

/* Append a template: @L a place, @D days, @N a small number, @P a phone. */
static void
expand(const char *t)
{
	char tmp[128];

	for (; *t; t++) {
		if (t[0] == '@' && t[1] != '\0' && strchr("LDNP", t[1]) != NULL) {
			switch (t[1]) {
			case 'L':
				if (pick(3) == 0)
					snprintf(tmp, sizeof(tmp), "%s %s", ONE(places), ONE(gen_landmarks));
				else if (pick(2))
					snprintf(tmp, sizeof(tmp), "%s No. %u", ONE(places), 1 + pick(120));
				else
					snprintf(tmp, sizeof(tmp), "%s", ONE(places));
				break;
			case 'D':
				snprintf(tmp, sizeof(tmp), "%u", 2 + pick(29));
				break;
			case 'N':
				snprintf(tmp, sizeof(tmp), "%u", 2 + pick(9));
				break;
			default:
				snprintf(tmp, sizeof(tmp), "08%s%04u%04u", ONE(operators),
				    pick(10000), pick(10000));
			}
			add(tmp);
			t++;
		} else {
			char c[2] = {*t, '\0'};

			add(c);
		}
	}
}

/* End a complaint's sentence, with a plea after it or not. */
static void
closing(void)
{
	const char *c = ONE(closings);

	add(".");
	if (*c != '\0') {
		add(" ");
		add(c);
	}
}

static int
has_keyword(const char *s)
{
	const char *p;
	size_t i;

	for (p = s; *p; p++) {
		if (p > s && (isalnum((unsigned char)p[-1]) || ((unsigned char)p[-1] & 0x80)))
			continue;
		for (i = 0; i < NELEM(keywords); i++)
			if (strncasecmp(p, keywords[i], strlen(keywords[i])) == 0)
				return 1;
	}
	return 0;
}

/* Start a line "dd/MM/yy HH.mm - " at the current minute. */
static void
header(void)
{
	char h[32];
	int y, m, d;

	aduan_day_to_civil(DAY0 + minute / 1440, &y, &m, &d);
	snprintf(h, sizeof(h), "%02d/%02d/%02d %02ld.%02ld - ", d, m, y % 100,
	    minute % 1440 / 60, minute % 60);
	olen = 0;
	out[0] = '\0';
	add(h);
}

static void
emit(const char *body_start)
{
	const char *p;

	st.messages++;
	st.bytes += olen + 1;
	for (p = out; *p; p++)
		if (*p == '\n')
			st.lines++;
	st.lines++;
	if (body_start != NULL && has_keyword(body_start))
		st.keyword++;
	fwrite(out, 1, olen, stdout);
	putchar('\n');
}

/* Move the clock: most gaps a few minutes, quiet nights. */
static void
advance(int followup)
{
	long tod;

	if (followup)
		minute += pick(4);
	else
		minute += pick(5) == 0 ? pick(9) : pick(3);
	tod = minute % 1440;
	if (tod >= 22 * 60 && pick(4) != 0)	/* most go to sleep */
		minute += 1440 - tod + 6 * 60 + pick(60);
	else if (tod < 6 * 60 && pick(2))
		minute += 6 * 60 - tod;
}

static void
system_line(void)
{
	char who[48], other[48];
	unsigned r = pick(100);

	snprintf(who, sizeof(who), "%s", authors[pick(NAUTHORS)]);
	header();
	if (r < 40) {
		add(who);
		add(" bergabung menggunakan tautan undangan grup ini");
	} else if (r < 65) {
		phone(other, sizeof(other));
		add(pick(3) ? "Admin Kecamatan" : "Pak Camat");
		add(" menambahkan ");
		add(pick(2) ? other : who);
	} else if (r < 90) {
		add(who);
		add(" keluar");
	} else {
		add("Admin Kecamatan mengeluarkan ");
		add(who);
	}
	st.system++;
	emit(NULL);
}

static void
subject_change(void)
{
	header();
	add("Admin Kecamatan telah mengubah subjek dari \"Info Warga: Bontang Utara\" ke "
	    "\"Forum Warga Bontang Utara\"");
	st.system++;
	st.system_colon++;
	emit(NULL);
}

/* One message by author a; complaint_bias: a complaint for sure (a follow-up). */
static void
message(const char *a, int complaint_bias)
{
	size_t body;
	unsigned r = pick(1000);
	char tmp[160];

	header();
	add(a);
	add(": ");
	body = olen;
	if (r < 30) {		/* ~3 %: a photo or video, mostly with a caption */
		int y, m, d;
		long day = minute / 1440;

		if (day != media_day)
			media_day = day, media_seq = 0;
		aduan_day_to_civil(DAY0 + day, &y, &m, &d);
		if (pick(10) == 0)
			snprintf(tmp, sizeof(tmp), "VID-%04d%02d%02d-WA%04u.mp4 (file terlampir)",
			    y, m, d, ++media_seq);
		else
			snprintf(tmp, sizeof(tmp), "IMG-%04d%02d%02d-WA%04u.jpg (file terlampir)",
			    y, m, d, ++media_seq);
		add(tmp);
		if (pick(10) < 7) {
			add("\n");
			if (complaint_bias || pick(4) == 0) {
				expand(ONE(complaints));
				closing();
			} else
				expand(ONE(captions));
		}
		st.media++;
	} else if (r < 40) {	/* ~1 %: a location */
		snprintf(tmp, sizeof(tmp), "lokasi: https://maps.google.com/?q=0.%06u,117.%06u",
		    110000 + pick(60000), 455000 + pick(65000));
		add(tmp);
		st.location++;
	} else if (r < 42) {	/* ~0.2 %: deleted */
		add("Pesan ini telah dihapus");
		st.deleted++;
	} else {
		int k, extra;

		if (complaint_bias || pick(1000) < 255) {
			const char *o = ONE(openings);

			add(o);
			expand(ONE(complaints));
			/* a sentence starts with a capital unless an opening runs into it */
			if (*o == '\0' || o[strlen(o) - 2] == '.') {
				char *s = out + body + strlen(o);

				if (*s >= 'a' && *s <= 'z')
					*s = (char)(*s - 'a' + 'A');
			}
			closing();
		} else
			expand(ONE(chatter));
		if (pick(1000) < 52) {	/* ~5 %: more lines */
			extra = 1 + pick(3);
			for (k = 0; k < extra; k++) {
				add("\n");
				expand(ONE(more_lines));
			}
			st.multiline++;
		}
		if (pick(200) == 0)
			add(" <Pesan ini diedit>");
	}
	emit(out + body);
}

int
main(int argc, char *argv[])
{
	unsigned long long n = gen_args(argc, argv, "gen-whatsapp", 3), i;
	static char obuf[1 << 16];
	int a, prev = -1;

	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	for (a = 0; a < NAUTHORS; a++) {
		unsigned r = pick(100);

		if (r < 25)
			phone(authors[a], sizeof(authors[a]));
		else
			snprintf(authors[a], sizeof(authors[a]), "%s%s %s", r < 40 ? "~ " : "",
			    ONE(first_names), ONE(last_names));
	}

	/* how every export of a group starts */
	minute = 6 * 60;
	header();
	add("Pesan dan panggilan terenkripsi secara end-to-end. Tidak seorang pun di luar chat "
	    "ini, termasuk WhatsApp, yang dapat membaca atau mendengarkannya. Ketuk untuk info "
	    "selengkapnya.");
	st.system++;
	emit(NULL);
	header();
	add("Admin Kecamatan telah membuat grup \"Forum Warga Bontang Utara\"");
	st.system++;
	emit(NULL);
	for (i = 2; i < n; i++) {
		int follow = prev >= 0 && pick(7) == 0;

		advance(follow);
		if (i % 100000 == 50000) {
			subject_change();
			prev = -1;
			continue;
		}
		if (pick(1000) < 3) {
			system_line();
			prev = -1;
			continue;
		}
		if (follow)
			st.followups++;
		else
			prev = (int)pick(NAUTHORS);
		message(authors[prev], follow && pick(3) == 0);
	}
	if (gen_flush("gen-whatsapp") != 0)
		return 1;
	fprintf(stderr, "messages %llu\nsystem %llu\nsystem_colon %llu\nmedia %llu\n"
	    "location %llu\ndeleted %llu\nmultiline %llu\nkeyword %llu\nfollowups %llu\n"
	    "lines %llu\nbytes %llu\n", st.messages, st.system, st.system_colon, st.media,
	    st.location, st.deleted, st.multiline, st.keyword, st.followups, st.lines, st.bytes);
	return 0;
}
