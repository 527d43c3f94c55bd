/*
 * gen-complaints - write N synthetic complaints as the CSV that
 * `aduan-add --from csv` reads, for the benchmarks in bench/run.
 *
 *   gen-complaints [-s SEED] N > big.csv
 *
 * Deterministic: the same N and SEED give the same bytes on every
 * machine (a private splitmix64/xorshift generator, no rand(3)).
 * Complaints are spread evenly over 2023-01-01 .. 2024-12-31 (local
 * time, "YYYY-MM-DDTHH:MM"), over the six kelurahan of Bontang Utara
 * (mostly their proper names, some alias spellings that aduan folds),
 * and over ten kinds of complaint whose text is assembled from
 * templates, so that the FTS index sees a realistic vocabulary.
 *
 * Plain C99 and stdio only: builds with `cc -O2` on a bare Debian, with
 * gen.c (what the generators share) and lib/calendar.c (gen.h).
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "gen.h"

/* ---- reference vocabulary -------------------------------------------- */

/* Proper names, with the alias spellings people actually type. */
static const char *const kelurahan[][4] = {
	{"Bontang Kuala", "Btg Kuala", "bontang kuala", "Bontang Kuala"},
	{"Bontang Baru", "Btg. Baru", "BONTANG BARU", "Bontang Baru"},
	{"Lok Tuan", "Loktuan", "lok tuan", "Lok-Tuan"},
	{"Guntung", "Guntong", "guntung", "Guntung"},
	{"Gunung Elai", "Gn. Elai", "gunung elai", "Gunung-Elai"},
	{"Api-Api", "Api Api", "api-api", "Apiapi"},
};

static const char *const streets[][6] = {
	/* per kelurahan: streets and landmarks that belong there */
	{"Jl. Kapten Pierre Tendean", "Jl. Selat Makassar", "Gang Nelayan",
	 "Jl. Muchtar Lubis", "Jl. Kampung Selambai", "dermaga Bontang Kuala"},
	{"Jl. MT Haryono", "Jl. Ahmad Yani", "Jl. Brigjend Katamso", "Jl. Pattimura",
	 "Jl. Pupuk Raya", "Jl. Diponegoro"},
	{"Jl. Pelabuhan", "Jl. KS Tubun", "Jl. Yos Sudarso", "Gang Pelita",
	 "Jl. Sultan Hasanuddin", "Jl. Loktuan Raya"},
	{"Jl. Soekarno-Hatta", "Jl. Poros Guntung", "Gang Sepakat", "Jl. Pupuk Kaltim",
	 "Jl. Sakura", "Jl. Mulawarman"},
	{"Jl. Imam Bonjol", "Jl. DI Panjaitan", "Jl. Gunung Elai Raya", "Gang Masjid",
	 "Jl. Cut Nyak Dien", "Jl. Sutomo"},
	{"Jl. Awang Long", "Jl. Api-Api Raya", "Gang Atletik", "Jl. Letjen S. Parman",
	 "Jl. Bhayangkara", "Jl. Jend. Sudirman"},
};

static const char *const first_names[] = {
	"Muhammad", "Ahmad", "Andi", "Sitti", "Nur", "Hasrul", "Rusdiansyah", "Sri",
	"Wahyuni", "Agus", "Budi", "Dewi", "Fitri", "Hendra", "Irwan", "Jumriah",
	"Kurniawan", "Lestari", "Muhlis", "Nurhayati", "Rahmat", "Syahrul", "Taufik",
	"Yuliana", "Zainal", "Hj. Sitti", "H. Abdul", "Rina", "Eko", "Darmawati",
	"Sulaiman", "Hasanah", "Arief", "Maya", "Ridwan", "Suryani",
};

static const char *const last_names[] = {
	"Baso", "Wahyuni", "Hasnah", "Saputra", "Rahman", "Hidayat", "Pratama",
	"Lestari", "Mappasessu", "Daeng Ngalle", "Syamsuddin", "Kadir", "Hamid",
	"Nurdin", "Setiawan", "Susanti", "Anwar", "Latif", "Ramli", "Gani", "",
	"", "Jaya", "Haris", "Yusuf",
};

static const char *const phone_prefix[] = {
	"0811", "0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858",
	"0877", "0878", "0895", "0896",
};

/* Openings and closings of a message; %s never appears in these. */
static const char *const greetings[] = {
	"", "", "", "Assalamualaikum pak, ", "Selamat pagi, ", "Permisi pak camat, ",
	"Mohon maaf mengganggu, ", "Izin lapor, ", "Pak lurah, ", "Halo admin, ",
	"Assalamualaikum wr wb. ", "Selamat siang bapak/ibu, ",
};

static const char *const pleas[] = {
	"Mohon segera ditindaklanjuti.", "Mohon bantuannya pak.", "Tolong segera diperbaiki.",
	"Terima kasih.", "Mohon perhatiannya.", "Warga sudah resah.",
	"Sudah lapor ke RT tapi belum ada tindakan.", "Mohon dicek ke lokasi.",
	"Kami tunggu tindak lanjutnya.", "", "Terima kasih atas perhatiannya, wassalam.",
};

/*
 * One kind of complaint: its category and its sentence templates.  In
 * a template, @L is the location, @D a number of days, @N a small number.
 */
struct kind {
	const char *category;
	unsigned weight;
	const char *t[6];
};

static const struct kind kinds[] = {
	{"jalan", 18, {
	    "jalan di @L berlubang besar, sudah @D hari belum ditambal",
	    "aspal di @L rusak parah dan licin kalau hujan, kemarin ada pengendara motor jatuh",
	    "badan jalan di @L retak dan amblas sekitar @N meter, membahayakan anak sekolah",
	    "polisi tidur di @L terlalu tinggi, banyak motor yang kandas",
	    "jalan semenisasi di @L belum selesai dikerjakan, material menumpuk di bahu jalan",
	    "lubang di @L tergenang air sehingga tidak kelihatan, sudah @N kali ada kecelakaan"}},
	{"drainase", 14, {
	    "parit di @L tersumbat sampah dan lumpur, tiap hujan air naik ke jalan",
	    "saluran air di @L mampet, air meluap ke rumah warga sudah @D hari",
	    "gorong-gorong di @L runtuh, air tidak bisa mengalir",
	    "drainase @L dangkal dan penuh sedimen, mohon dikeruk sebelum musim hujan",
	    "banjir setinggi lutut di @L setiap hujan deras karena saluran tertutup bangunan",
	    "tutup parit di @L pecah, sudah @N orang terperosok"}},
	{"sampah", 14, {
	    "tumpukan sampah di @L sudah @D hari tidak diangkut, bau sekali dan banyak lalat",
	    "kontainer TPS di @L penuh, warga terpaksa buang sampah di pinggir jalan",
	    "ada yang membakar sampah di @L setiap malam, asapnya masuk rumah",
	    "sampah plastik menumpuk di pantai dekat @L, mohon dibersihkan",
	    "truk sampah tidak lewat @L sudah @N minggu",
	    "pembuangan sampah liar di lahan kosong @L makin luas"}},
	{"penerangan", 10, {
	    "lampu jalan di @L sudah @D hari mati, malam gelap sekali",
	    "lampu PJU di @L berkedip-kedip dan akhirnya padam, rawan kejahatan",
	    "tiang lampu di @L miring dan hampir roboh",
	    "@N lampu jalan berturut-turut di @L tidak menyala sejak bulan lalu",
	    "kabel lampu jalan di @L terkelupas dan menjuntai, berbahaya bagi anak-anak",
	    "lampu penerangan di @L menyala siang hari, boros listrik"}},
	{"air", 10, {
	    "air PDAM di @L tidak mengalir sudah @D hari",
	    "air PDAM di @L keruh dan berbau, tidak bisa dipakai masak",
	    "pipa PDAM bocor di @L, air terbuang ke jalan",
	    "tekanan air di @L sangat kecil, hanya mengalir tengah malam",
	    "tagihan air naik tidak wajar padahal air sering mati di @L",
	    "meteran air di @L rusak dan tidak diganti sejak @N bulan"}},
	{"listrik", 8, {
	    "listrik di @L padam @N kali dalam seminggu tanpa pemberitahuan",
	    "kabel PLN di @L menjuntai rendah, hampir kena kepala",
	    "trafo di @L berbunyi keras dan mengeluarkan percikan api",
	    "tiang listrik di @L miring setelah ditabrak truk",
	    "tegangan listrik di @L naik turun, alat elektronik warga rusak",
	    "pohon di @L menyentuh kabel listrik, mohon dipangkas"}},
	{"adminduk", 8, {
	    "KTP elektronik saya belum jadi sudah @D hari sejak rekam di kecamatan",
	    "mengurus kartu keluarga di kelurahan dipersulit, disuruh bolak-balik @N kali",
	    "akta kelahiran anak belum terbit padahal berkas lengkap",
	    "data NIK saya tidak padu di Dukcapil sehingga tidak bisa daftar BPJS",
	    "pelayanan surat pindah di kelurahan lambat, antrean panjang",
	    "blangko KTP kosong terus, sudah @N bulan menunggu"}},
	{"bansos", 7, {
	    "bantuan sosial tidak diterima padahal kami keluarga tidak mampu, tinggal di @L",
	    "penerima BLT di @L tidak tepat sasaran, yang mampu malah dapat",
	    "nama saya hilang dari DTKS, bansos berhenti sejak @N bulan",
	    "pembagian sembako di @L tidak merata dan tanpa pemberitahuan",
	    "kartu PKH saya diblokir tanpa alasan",
	    "lansia di @L belum pernah dapat bantuan apapun"}},
	{"kesehatan", 5, {
	    "banyak kasus demam berdarah di @L, mohon fogging",
	    "posyandu di @L tidak aktif lagi sejak @N bulan",
	    "genangan air di @L jadi sarang nyamuk",
	    "bau limbah dari usaha di @L mengganggu pernapasan warga",
	    "Puskesmas pembantu di @L sering tutup pada jam pelayanan",
	    "anjing liar berkeliaran di @L, sudah @N anak digigit"}},
	{"ketertiban", 6, {
	    "pedagang kaki lima menutup trotoar di @L",
	    "balap liar setiap malam minggu di @L, sangat bising",
	    "parkir liar di @L membuat macet jam pulang sekolah",
	    "bangunan di @L berdiri di atas saluran air tanpa izin",
	    "pohon tumbang di @L menutup separuh jalan sejak @D hari",
	    "warung di @L buka sampai subuh dan memutar musik keras"}},
};

/* ---- dates ------------------------------------------------------------ */

#define DAY0	19358L	/* 2023-01-01 */
#define NDAYS	731L	/* through 2024-12-31 */

/* ---- output ----------------------------------------------------------- */

/* Write s as one CSV field, quoted when it needs to be. */
static void
field(const char *s, int last)
{
	const char *p;

	if (strpbrk(s, ",\"\n\r") == NULL)
		fputs(s, stdout);
	else {
		putchar('"');
		for (p = s; *p; p++) {
			if (*p == '"')
				putchar('"');
			putchar(*p);
		}
		putchar('"');
	}
	putchar(last ? '\n' : ',');
}

/* Expand a template into out. */
static void
expand(char *out, size_t size, const char *t, const char *loc)
{
	size_t k = 0;
	char num[16];
	const char *s;

	for (; *t && k + 1 < size; t++) {
		if (t[0] == '@' && (t[1] == 'L' || t[1] == 'D' || t[1] == 'N')) {
			if (t[1] == 'L')
				s = loc;
			else {
				snprintf(num, sizeof(num), "%u", t[1] == 'D' ? 2 + pick(29) : 2 + pick(9));
				s = num;
			}
			while (*s && k + 1 < size)
				out[k++] = *s++;
			t++;
		} else
			out[k++] = *t;
	}
	out[k] = '\0';
}

/* The channels but WhatsApp: each up to its share of a hundred, and the source it names. */
static const struct {
	unsigned below;
	const char *chan, *src;
} channels[] = {
	{67, "facebook", "Facebook Kecamatan Bontang Utara"},
	{75, "instagram", "Instagram @kec.bontangutara"},
	{87, "walk-in", "Loket Kecamatan Bontang Utara"},
	{95, "phone", "Telepon Kantor Kecamatan"},
	{98, "sms", "SMS Center"},
	{100, "letter", "Surat ke Kecamatan"},
};

static void
one(void)
{
	static unsigned total_weight;
	const struct kind *kd;
	char when[32], src[96], name[96], phone[32], rt[16], loc[160], sentence[400], body[800];
	const char *greet, *chan, *kel, *prio, *plea;
	unsigned w, k, r, c;
	int y, m, d, anon;
	long day;

	if (total_weight == 0)
		for (k = 0; k < NELEM(kinds); k++)
			total_weight += kinds[k].weight;

	day = DAY0 + (long)pick(NDAYS);
	aduan_day_to_civil(day, &y, &m, &d);
	/* office hours and evenings are busier than the night */
	r = pick(100);
	snprintf(when, sizeof(when), "%04d-%02d-%02dT%02u:%02u", y, m, d,
	    r < 70 ? 7 + pick(10) : r < 95 ? 17 + pick(6) : pick(7), pick(60));

	k = pick(NELEM(kelurahan));
	kel = pick(10) < 7 ? kelurahan[k][0] : kelurahan[k][1 + pick(3)];
	snprintf(rt, sizeof(rt), pick(3) == 0 ? "%02u" : pick(2) ? "%u" : "%03u", 1 + pick(40));
	if (pick(3) == 0)
		snprintf(loc, sizeof(loc), "%s %s", streets[k][pick(6)], ONE(gen_landmarks));
	else if (pick(2))
		snprintf(loc, sizeof(loc), "%s No. %u", streets[k][pick(6)], 1 + pick(120));
	else
		snprintf(loc, sizeof(loc), "%s", streets[k][pick(6)]);

	r = pick(100);
	if (r < 55) {
		chan = "whatsapp";
		snprintf(src, sizeof(src), "WA RT %02u %s", 1 + pick(40), kelurahan[k][0]);
	} else {
		for (c = 0; r >= channels[c].below; c++)
			;
		chan = channels[c].chan;
		snprintf(src, sizeof(src), "%s", channels[c].src);
	}

	anon = pick(100) < 4;
	if (anon)
		name[0] = '\0';
	else {
		const char *ln = ONE(last_names);

		snprintf(name, sizeof(name), "%s%s%s", ONE(first_names), *ln ? " " : "", ln);
	}
	r = pick(100);
	if (anon || r < 8)
		phone[0] = '\0';
	else {
		const char *pp = ONE(phone_prefix);
		unsigned a = pick(10000), b = pick(10000);

		if (r < 60)
			snprintf(phone, sizeof(phone), "%s%04u%04u", pp, a, b);
		else if (r < 85)
			snprintf(phone, sizeof(phone), "%s-%04u-%04u", pp, a, b);
		else
			snprintf(phone, sizeof(phone), "+62 %s %04u %04u", pp + 1, a, b);
	}

	w = pick(total_weight);
	for (kd = kinds; w >= kd->weight; kd++)
		w -= kd->weight;
	expand(sentence, sizeof(sentence), kd->t[pick(6)], loc);
	greet = ONE(greetings);
	plea = ONE(pleas);
	/* a sentence starts with a capital unless a greeting runs into it */
	if ((*greet == '\0' || greet[strlen(greet) - 2] == '.') &&
	    sentence[0] >= 'a' && sentence[0] <= 'z')
		sentence[0] = (char)(sentence[0] - 'a' + 'A');
	/* a message sometimes runs over two lines, as WhatsApp ones do */
	snprintf(body, sizeof(body), "%s%s.%s%s%s", greet, sentence,
	    *plea == '\0' ? "" : pick(8) == 0 ? "\n" : " ", plea,
	    pick(4) == 0 ? " Foto menyusul." : "");

	r = pick(100);
	prio = r < 9 ? "urgent" : r < 14 ? "low" : "normal";

	field(when, 0);
	field(chan, 0);
	field(src, 0);
	field(name, 0);
	field(phone, 0);
	field(anon ? "1" : "0", 0);
	field(kel, 0);
	field(rt, 0);
	field(loc, 0);
	field(kd->category, 0);
	field(body, 0);
	field(prio, 1);
}

int
main(int argc, char *argv[])
{
	unsigned long long n = gen_args(argc, argv, "gen-complaints", 0);

	fputs("received_at,channel,source,reporter_name,reporter_phone,anonymous,"
	    "kelurahan,rt,location,category,body,priority\n", stdout);
	while (n-- > 0)
		one();
	return gen_flush("gen-complaints");
}
