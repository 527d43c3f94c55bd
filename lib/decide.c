/*
 * decide.c - weighted rules over word forms: is a chat message a
 * complaint?  (see decide.h; the rules are told in aduan-add(1)).
 *
 * Each word of the message is brought to its comparable form (stem.h)
 * and looked up in the lexicon below, which gives it a set of classes.
 * The rules then add weights: a problem word (+3), a request (+2),
 * something done to the writer or a public place by others ("dipagar",
 * "ditolak", "tanpa izin", "di atas trotoar", "dimintai uang", +3), a
 * nuisance late at night ("nongkrong ... sampai subuh", +3), "padahal"
 * (+2), a negated working verb ("air tidak ngalir", +3), something absent,
 * neglected or working only partly ("tidak ada air", "dibiarkan", "cuma
 * ngalir malam", +3), what cannot be done (+2), a bad state ("gelap",
 * "susah", +2), a question about a fix or an earlier report (+4),
 * waiting (+3), sarcasm (+3), the topic of public works (+1), complaint
 * tone and time ("sudah 3 hari", +1 or +2), against announcements and
 * work announced (-5), a request or warning to residents ("jangan
 * buang", -4), thanks for a fix (-7), a report that something works
 * again or is being fixed (-4), condolences (-8), adverts and scams (-4),
 * a reply from an office (-5), work postponed ("diundur", -4), hearsay
 * and news ("katanya", "berita", -3), a story of the past ("dulu ...",
 * -3), a false alarm ("bukan maling, ternyata ..."), relief ("untung
 * tidak kenapa2"), what will pass ("nanti juga jernih sendiri"), jokes,
 * greetings and questions among residents; a problem word
 * worked on ("bantu angkut sampah"), forbidden ("dilarang membakar
 * sampah") or apologised for ("maaf telat") is no problem.
 *
 * The rules' sum does not decide alone: a logistic model learnt from the
 * labelled messages (bayes.h, bayes-logit.h) weighs it with the message's
 * shape, its word forms and its pairs of adjacent forms, and decides
 * (learned_rule); the verdict's score is 3 more than its log-odds
 * rounded down, so a complaint is still a score of 3 or more.  The reason
 * names the weightiest rules on the winning side, each by its share of
 * what the sum weighed, or, when no rule weighed there, the words that
 * weighed most.  With the words' naive Bayes instead (the decision
 * before; aduan_decider_use), what the words say is added near the line
 * (a sum of 0 to 5), at most 3 either way, never to take a message a rule
 * of 3 points or more read as chatter, and a sum of 3 is a complaint.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "aduan.h"
#include "bayes.h"
#include "decide.h"
#include "stem.h"
#include "util.h"

enum {
	C_PROBLEM = 1 << 0,	/* a problem: banjir, bocor, rusak, ... */
	C_REQUEST = 1 << 1,	/* mohon, tolong, lapor, ... */
	C_FUNC = 1 << 2,	/* what should work: ngalir, nyala, angkut */
	C_STATE = 1 << 3,	/* a bad state: susah, bahaya, kering */
	C_TONE = 1 << 4,	/* kok, kenapa, tiap, lagi */
	C_TOPIC = 1 << 5,	/* public works: jalan, air, lampu */
	C_NEG = 1 << 6,		/* tidak, belum */
	C_PRAISE = 1 << 7,	/* mantap, hebat: sarcasm with a problem */
	C_METAPHOR = 1 << 8,	/* kolam, sawah, offroad */
	C_LIKE = 1 << 9,	/* kayak, seperti, jadi */
	C_THANKS = 1 << 10,
	C_RESOLVED = 1 << 11,	/* diperbaiki, beres, normal */
	C_CONTRAST = 1 << 12,	/* tapi, namun, malah */
	C_ANNOUNCE = 1 << 13,	/* himbau, undangan, kerja bakti */
	C_INFO = 1 << 14,
	C_HARAP = 1 << 15,	/* diharapkan: with warga an announcement */
	C_PUBLIC = 1 << 16,	/* warga, seluruh, kepada, bagi */
	C_JANGAN = 1 << 17,
	C_CONDOLENCE = 1 << 18,
	C_SCAM = 1 << 19,	/* hadiah, promo, jual */
	C_LINK = 1 << 20,	/* http, www */
	C_MAPS = 1 << 21,	/* a shared place, not a link to click */
	C_GREET = 1 << 22,	/* selamat (pagi), assalamualaikum */
	C_DAYTIME = 1 << 23,	/* pagi, siang, sore, malam */
	C_KAMI = 1 << 24,
	C_STAFFVERB = 1 << 25,	/* (kami) teruskan, tindaklanjuti, cek */
	C_REPORT = 1 << 26,	/* lapor, aduan, keluhan */
	C_CUE = 1 << 27,	/* kapan, belum, gimana: asking after */
	C_FIXVERB = 1 << 28,	/* (kapan) diperbaiki, diangkut */
	C_UNIT = 1 << 29,	/* hari, minggu, bulan, jam */
	C_SUDAH = 1 << 30,
	C_ASK = 1u << 31	/* tanya, "ada yang tahu" */
};
#define C_PRAYER	(1ULL << 32)	/* doakan, semoga */
#define C_IF		(1ULL << 33)	/* kalau, jika */
#define C_WANT		(1ULL << 34)	/* mau, ingin */
#define C_WHO		(1ULL << 35)	/* orang, yang: "ada orang jual" reports a seller */
#define C_WATER		(1ULL << 37)	/* air: with masuk a flood */
#define C_OPENER	(1ULL << 36)	/* kepada, diberitahukan: an announcement's first words */
#define C_SERVICE	(1ULL << 38)	/* petugas, tindakan, kabar: missed when absent */
#define C_HAVE		(1ULL << 39)	/* ada, dapat, terima: "belum ada", "tidak dapat" */
#define C_NEGLECT	(1ULL << 40)	/* dibiarkan, ditinggal: left as it is */
#define C_WAIT		(1ULL << 41)	/* tunggu, janji */
#define C_ABLE		(1ULL << 42)	/* bisa, sempat: "tidak bisa tidur" */
#define C_PLANNED	(1ULL << 43)	/* pemeliharaan, sementara: work announced */
#define C_NOW		(1ULL << 44)	/* sedang: "sedang diperbaiki" */
#define C_WARN		(1ULL << 45)	/* hati-hati, waspada: a warning to residents */
#define C_ONLY		(1ULL << 46)	/* cuma, hanya, tinggal: "cuma ngalir malam" */
#define C_SINCE		(1ULL << 47)	/* sejak, semenjak, dari */
#define C_WHEN		(1ULL << 48)	/* kemarin, subuh, lebaran: a time that has passed */
#define C_SPAN		(1ULL << 49)	/* seminggu, sebulan: a unit with its number */
#define C_DEPTH		(1ULL << 50)	/* betis, lutut, pinggang: how deep the water is */
#define C_OFFICE	(1ULL << 51)	/* pihak terkait, dinas: a request to them is no announcement */
#define C_DEED		(1ULL << 52)	/* (di)pagar, (di)tutup, (di)tolak: done to someone when passive */
#define C_CONDUCT	(1ULL << 53)	/* nongkrong, minum, musik: a nuisance late at night */
#define C_LATE		(1ULL << 54)	/* subuh, larut, dini (hari) */
#define C_PERMIT	(1ULL << 55)	/* izin, sosialisasi: "tanpa izin", "apa ada izinnya" */
#define C_SOFTSCAM	(1ULL << 56)	/* jual, gratis: an advert only at the start */
#define C_PADAHAL	(1ULL << 57)	/* padahal: what should have been */
#define C_PATIENT	(1ULL << 58)	/* (mohon) ditunggu, bersabar: an office asks for patience */
#define C_CREW		(1ULL << 59)	/* tim, petugas, damkar: "tim sudah ..." reports work done */
#define C_PAST		(1ULL << 60)	/* dulu: "dulu rusak, sekarang mulus" */
#define C_PUBSPACE	(1ULL << 61)	/* trotoar, saluran: "di atas trotoar" is taken from the public */
#define C_MONEY		(1ULL << 62)	/* uang: "dimintai uang", "uang rokok" */
#define C_DUMP		(1ULL << 63)	/* buang: someone dumps */

/* The lexicon, in ordinary words; each is stemmed when a decider is made. */
static const struct {
	unsigned long long cls;
	const char *words;
} lexicon[] = {
	{ C_PROBLEM, "banjir bocor rusak mati padam macet bau sampah lubang berlubang "
	    "tumbang genang tergenang longsor amblas ambles ambrol jebol roboh ambruk retak "
	    "putus keruh kotor sumbat tersumbat mampet meluap luber kebakaran terbakar asap "
	    "curi pencurian maling kemalingan begal rampok copet jambret kecelakaan tabrak "
	    "bising berisik nyamuk dbd diare gatal tikus bangkai limbah tercemar busuk "
	    "menyengat lumpur licin gelap gulita byarpet kedip berkedip korslet konslet "
	    "korsleting pungli pungutan mogok hanyut kumuh semak ilalang ular buaya preman "
	    "mabuk judi knalpot langka antri antre rembes tumpah numpuk menumpuk berserakan "
	    "tersendat pecah patah debu berdebu polusi lalat kecoa liar balap rob abrasi "
	    "blocked flooded flood broken burst leak leaking pothole garbage trash smell "
	    "miras narkoba sabu miring menjuntai anjlok ngadat lambat telat molor terbengkalai mangkrak "
	    "rubuh runtuh rebah condong buntu ngamuk mengamuk comberan ngebut kebut2an keropos "
	    "lapuk bolong mengelupas ngelupas terkelupas terperosok tumpukan jambret gigit "
	    "digigit menggigit berkarat karatan =terlarang "
	    "ribut keributan berantem berkelahi perkelahian tawuran gaduh onar mabok teler ngelem "
	    "palak malak pemalakan peras pemerasan ancam mengancam aniaya keroyok dikeroyok bacok "
	    "tipu ditipu penipuan penipu serobot diserobot caplok dicaplok gusur digusur usir diusir "
	    "nonaktif blokir diblokir error eror percikan percik terendam rendam tenggelam "
	    "terpeleset tergelincir reyot doyong semrawut amburadul berantakan sembarangan "
	    "ilegal mesum prostitusi remang sabung tuak arak ganja odgj pengemis gepeng "
	    "calo sogok suap kencing gonggong menggonggong monyet kera beruk biawak rayap puing "
	    "=kekurangan =tertutup ugal brong wabah rabies stunting jorok kusut nyangkut "
	    "bolos retakan gelombang bergelombang terguling offline lemot hipnotis gendam "
	    "nunggak tunggak tunggakan bengkak membengkak melonjak seenaknya semaunya oknum "
	    "hancur ancur nabrak ketabrak keliaran berkeliaran ngancam maksa paksa memaksa "
	    "ngamuk kejeblos terjeblos nyetrum kesetrum tersetrum tabrakan ngusir nimbun "
	    "menimbun penimbunan kabur teror neror sobek robek =terbang jeglek njeglek "
	    "bergelantungan copot copotan terlepas" },
	{ C_REQUEST, "mohon tolong minta =bantu =dibantu =bantuannya =membantu =bantuin "
	    "segera cek "
	    "periksa tinjau" },
	{ C_REQUEST | C_REPORT, "lapor laporan melapor aduan mengadu pengaduan keluhan mengeluh "
	    "komplain protes" },
	{ C_FUNC, "alir ngalir mengalir nyala menyala hidup keluar angkut diangkut datang "
	    "dapat fungsi berfungsi normal lancar respon ditanggapi ambil diambil sedot disedot "
	    "tembus lewat dilewati jalan berjalan kerja bekerja cair peduli "
	    "layan dilayani bayar dibayar gubris digubris hirau dihiraukan urus diurus proses "
	    "diproses =kebagian =dipakai =digunakan kembali dikembalikan merata tanggung "
	    "mili =dibagi =dibagikan =disalurkan cair gaji digaji turun sopan ramah adil "
	    "=dikasih =dikasi =diangkat =dibaca =diread =masuk =didata" },
	{ C_STATE, "susah sulit ganggu mengganggu terganggu takut khawatir resah meresahkan "
	    "bahaya berbahaya membahayakan parah kering penuh kecil lemah netes menetes pelan "
	    "lama terlambat capek kesal kecewa jengkel sakit mahal rawan becek pengap sesak "
	    "tinggi terlantar kumuh terpaksa lepas redup asin oleng kaget ngeri lilin jeriken "
	    "ampun buruk =hilang jatuh goyang korban =disuruh dipingpong "
	    "jenuh muak bosan stres pusing emosi geram gerah kesel sebel dongkol cemas waswas "
	    "trauma repot ribet berbelit lelet galak kasar lapar kelaparan kurang salah bolak "
	    "terancam lembab demam muntah =merokok getar bergetar curiga jantungan marah "
	    "habis bentak membentak bangkrut rugi merugi =lipat ketus judes jutek kosong batal "
	    "pekat cuek bingung batuk malas =tertahan" },
	{ C_TONE, "kok kenapa knp knapa napa masa percuma lagi tiap setiap sering selalu terus "
	    "hujan" },
	{ C_TOPIC, "jalan air banyu pdam listrik lampu pln got parit drainase selokan gorong pipa "
	    "kabel tiang pohon jembatan tps gas elpiji lpg sinyal gang trotoar aspal saluran "
	    "sungai meteran token pam keran sumur penerangan pju "
	    "ktp kk akta bpjs kis pkh blt bansos sktm puskesmas pustu sekolah ambulans wifi "
	    "internet tagihan sembako" },
	{ C_NEG, "tidak belum tak tanpa jarang gak kagak ora mboten durung" },
	{ C_PRAISE, "mantap mantul hebat keren bagus luar indah mulus canggih top salut "
	    "prestasi juara" },
	{ C_METAPHOR, "kolam danau empang tambak sawah offroad wisata kubangan laut "
	    "rally sungai bubur kuburan disko pisang" },
	{ C_LIKE, "kayak seperti mirip jadi bagai ala" },
	{ C_THANKS, "makasih alhamdulillah syukur nuwun thanks thx tengkyu" },
	{ C_RESOLVED, "diperbaiki ditangani tambal ditambal beres selesai bersih bersihkan normal "
	    "lancar nyala menyala hidup cepat tanggap sigap gercep datang aman surut bantu jernih "
	    "dibantu menyumbang donasi ditemukan ditangkap tertangkap" },
	{ C_CONTRAST, "tapi namun malah sayang cuma cuman hanya" },
	{ C_ANNOUNCE, "himbau dihimbau imbau diimbau himbauan =pengumuman undangan diundang "
	    "beritahu diberitahukan mengingatkan diingatkan rapat posyandu vaksin imunisasi "
	    "jadwal acara kegiatan lomba =penyaluran =tahap sosialisasi kehadiran hadir bakti gotong pengajian "
	    "arisan musyawarah senam =larangan =dilarang =pendataan =pengasapan razia fogging" },
	{ C_INFO, "info informasi iuran silakan silahkan =hubungi share dishare rekap" },
	{ C_WATER, "air banyu" },
	{ C_PRAYER, "doa doakan semoga amin aamiin" },
	{ C_IF, "kalau kalo jika bila apabila" },
	{ C_WANT, "mau ingin" },
	{ C_WHO, "orang yang warung toko pedagang penjual" },
	{ C_HARAP, "harap diharap diharapkan mengharapkan" },
	{ C_PUBLIC, "warga seluruh kepada =bagi para masyarakat pedagang pengendara" },
	{ C_OPENER, "kepada diberitahukan diinformasikan =bagi dear yth" },
	{ C_JANGAN, "jangan jgn jangn" },
	{ C_CONDOLENCE, "innalillahi innalillah inalillahi duka berduka meninggal almarhum "
	    "almarhumah wafat alfatihah" },
	{ C_SCAM, "hadiah pemenang undian klik transfer promo diskon "
	    "pinjaman pinjol investasi bonus voucher saldo" },
	{ C_SOFTSCAM, "=jual =dijual =gratis =cod =order =ready =stok =minat" },
	{ C_LINK, "http https www bit" },
	{ C_MAPS, "maps goo" },
	{ C_GREET, "assalamualaikum assalamu halo permisi selamat" },
	{ C_DAYTIME, "pagi siang sore malam" },
	{ C_KAMI, "kami" },
	{ C_STAFFVERB, "=teruskan =diteruskan =meneruskan cek dicek periksa tindaklanjuti ditindaklanjuti tindak tinjau "
	    "koordinasikan proses diproses catat dicatat tampung ditampung sampaikan "
	    "disampaikan meninjau" },
	{ C_CUE, "kapan belum gimana bagaimana kabar kelanjutan tindaklanjut respon lanjut" },
	{ C_FIXVERB, "diperbaiki perbaikan diangkut ditangani ditindaklanjuti ganti diganti "
	    "pasang dipasang sedot disedot dibersihkan tambal ditambal cor dicor aspal "
	    "diaspal ditinjau meninjau turun datang mampir dipotong dibangun menangani cair "
	    "sambung disambung betulkan dibetulkan benahi dibenahi keruk dikeruk" },
	{ C_UNIT, "hari minggu bulan jam tahun malam dino" },
	{ C_SUDAH, "sudah telah wis" },
	{ C_ASK, "tanya" },
	{ C_SERVICE, "petugas tindakan kabar tanggapan respon pengangkutan bantuan bansos solusi "
	    "kejelasan perbaikan penerangan pelayanan info informasi bidan dokter guru perawat "
	    "jawaban balasan "
	    "pegawai staf pejabat "
	    "ambulans ambulan jatah obat" },
	{ C_HAVE, "ada dapat terima =diterima" },
	{ C_NEGLECT, "=dibiarkan =dibiarin =ditinggal =ditinggalkan =terbengkalai" },
	{ C_WAIT, "tunggu ditunggu menunggu nunggu janji" },
	{ C_ABLE, "bisa sempat kawa berani" },
	{ C_PLANNED, "pemeliharaan sementara =bergilir" },
	{ C_NOW, "sedang lagi" },
	{ C_WARN, "=hati2 =hati-hati waspada awas hoaks hoax" },
	{ C_ONLY, "=cuma =cuman =hanya =tinggal" },
	{ C_SINCE, "sejak semenjak dari" },
	{ C_WHEN, "kemarin subuh lebaran tadi pagi sore malam =semalam" },
	{ C_SPAN, "seminggu sebulan setahun sejam =semalaman" },
	{ C_DEPTH, "betis lutut pinggang sepinggang selutut sebetis dada" },
	{ C_DEED, "pagar tutup cabut bongkar coret potong gembok timbun tolak tebang tagih "
	    "kuasa klaim segel sita rampas kunci patok makan tahan lempar pukul tampar "
	    "bentak maki hina abai cuekin cuek persulit pungut palak tembak racun marah "
	    "marahin =dijadikan tegur kurangi dikurangi" },
	{ C_CONDUCT, "nongkrong ngumpul kumpul minum teriak musik suara bunyi karaoke main "
	    "buka kerja las gerinda balap ribut nyanyi joget dangdut mabuk mabok judi petasan mercon "
	    "ledak genset salak menyalak gonggong menggonggong" },
	{ C_LATE, "subuh dini larut" },
	{ C_PERMIT, "izin ijin sosialisasi pemberitahuan musyawarah resep" },
	{ C_PADAHAL, "padahal" },
	{ C_PATIENT, "tunggu ditunggu sabar bersabar maklum dimaklumi" },
	{ C_CREW, "tim petugas damkar satpol" },
	{ C_PAST, "dulu dahulu" },
	{ C_PUBSPACE, "trotoar saluran got parit drainase selokan sempadan badan bahu" },
	{ C_MONEY, "uang duit sumbangan rokok jatah setoran" },
	{ C_DUMP, "buang dibuang membuang" },
	{ C_OFFICE, "pihak terkait dinas pemerintah instansi lurah camat kelurahan kecamatan "
	    "pdam pln" },
};

/*
 * Every form a rule compares a word with, is(form, "word"), as stemmed:
 * a token's flag says whether its form is one of these, so that a word
 * that is none of them answers every comparison without its bytes being
 * read.  tests/decide-words.t fails when a rule compares with a form not
 * here.
 */
static const char compared[] =
    "ada agar ahad akan angkat angkut apa apakah arah atas ayo bagaimana bagi bank "
    "banyak bapak bayar belum berita bersih besar besok biar biasa bisa boleh bu "
    "buat bukan cara catat dalam dan dari dengar depan di fogging foto gambar gosip "
    "hari hotline ibu ikut ima ini isu iuran jadi jadwal jam jasa juga jumat juta "
    "kabar kamis kapan kasih kata ke kenal keras kerja kita konon kumpul kunjung "
    "kurang lama lambat larang layan lebar lewat liat lihat lokasi luar maaf makin "
    "malam mampu mana mari masuk mau minggu minta minum mobil mula mundur naik nanti "
    "nomor nonton nutup nyata oleh orang pagi pak paka paling para pas pelicin perlu "
    "pilih posko potong pukul pungut punya pusat rabu razia rb rencana ribu rokok rt "
    "saat sabtu sama sampa sampai sampe sapu saran saya sebaik sedang sedia sekarang "
    "selamat selasa semakin sendir senin sepanjang siang siap sihkan suka supaya "
    "suruh swadaya tahu tambah tanggal tanpa tau tebas telat tengah tetap tinggal "
    "tips truk tunda uang undur untuk untung usah utup video viral wajar waktu yang "
    "yuk";

/*
 * The rule functions, and what in word i itself can start each: a class,
 * or a form of compared[]; besides these, a number starts time_rules (as
 * does a unit written ber-, "berbulan-bulan") and laughter chatter_rules;
 * and what starts it only as the message's first word (a rule that asks
 * i == 0 of it: "untuk warga ...", "tips ...", "warga yang ...").  From a
 * word only the functions its classes and form name are run
 * (decide_words), and a word that names none is read only as a
 * neighbour.  So a rule asks first something of word i itself that is
 * listed here for its function, never only of its neighbours.
 * tests/unit/t-decide decides every labelled message both ways: so, and
 * with every function run from every word.
 */
enum {
	R_ASKING = 1 << 0, R_STATE = 1 << 1, R_ABSENCE = 1 << 2, R_TIME = 1 << 3,
	R_TURN = 1 << 4, R_DEED = 1 << 5, R_CHATTER = 1 << 6, R_VOICE = 1 << 7,
	R_ALL = 0xff
};
static const struct {
	unsigned long long cls;
	const char *forms;
	unsigned long long first_cls;	/* as the first word */
	const char *first_forms;
} starts[] = {
	{ C_PROBLEM | C_REQUEST | C_HARAP | C_REPORT | C_IF | C_PRAYER | C_OPENER | C_CUE |
	    C_ASK, "minta sampa", 0, "untuk" },	/* R_ASKING: asking_rules */
	{ C_NEG | C_STATE | C_TONE | C_TOPIC,
	    "masuk naik makin semakin tambah kapan", 0, "" },	/* R_STATE: state_rules */
	{ C_NEG | C_NEGLECT | C_ONLY | C_DEPTH | C_WAIT, "tinggal", 0, "" },	/* R_ABSENCE */
	{ C_SPAN | C_SINCE, "", 0, "" },	/* R_TIME: time_rules */
	{ C_PRAISE | C_METAPHOR | C_LIKE | C_THANKS | C_SUDAH | C_PAST | C_CONTRAST |
	    C_PADAHAL | C_NOW, "kasih sekarang lokasi", 0, "" },	/* R_TURN: turn_rules */
	{ C_DEED | C_CONDUCT | C_PERMIT | C_PADAHAL | C_MONEY | C_NEG | C_DUMP,
	    "keras wajar ribu juta rb tetap bayar mana larang paka kasih nutup utup biasa "
	    "atas ini akan besok rencana jadwal", 0, "" },	/* R_DEED: deed_rules */
	{ C_ANNOUNCE | C_INFO | C_PLANNED | C_WARN | C_HARAP | C_JANGAN | C_CONDOLENCE |
	    C_SCAM | C_SOFTSCAM | C_LINK | C_MAPS | C_GREET | C_KAMI | C_ASK,
	    "besok nanti hari depan siap sedia undur mundur tunda sedang selamat", 0, "" },
	    /* R_CHATTER: chatter_rules and notice_rules */
	{ C_KAMI | C_CREW | C_REPORT,	/* R_VOICE: voice_rules (and towns[]) */
	    "sebaik saran nanti nyata untung kata dengar konon berita isu gosip cara mari "
	    "ayo yuk maaf yang bagaimana ada lihat liat nonton viral",
	    C_GREET | C_PUBLIC, "tips buat untuk bagi bapak" },	/* (residents_who) */
};

/* Towns outside the office's area, as stemmed ("balikpap", "kuta"): a
 * problem there is news, not a complaint to it (elsewhere). */
static const char *const towns[] = {
	"samarinda", "balikpap", "sangatta", "tenggarong", "jakarta", "surabaya",
	"makassar", "banjarmasin", "ikn", "kuta",
};

struct entry {
	char *form;
	unsigned long long cls;
	int compared;	/* a rule compares forms with it (compared[], towns[]) */
	unsigned char starts;	/* the rule functions its form starts (starts[]) */
	unsigned char first;	/* and those it starts as the first word */
	unsigned char town;	/* one of towns[] */
};

#define WORD 23

#define HASHSIZE 2048	/* a power of two, well above the lexicon's size */

/* What a token's compared holds: whether its form is compared with at
 * all, a town, a number (digits only), and marks of forms a rule looks
 * back for over the words before a problem, so that a message none of
 * whose words is marked is not looked over (read_words notes the
 * message's marks together). */
enum {
	K_FORM = 1, K_TOWN = 2, K_NUMBER = 128,
	K_PURPOSE = 4,	/* biar, agar, supaya (purpose) */
	K_WORK = 8,	/* angkut, bersih, potong, ... (worked_on) */
	K_LARANG = 16,	/* larang (forbidden) */
	K_BAPAK = 32, K_IBU = 64	/* "bapak ibu" (group_addressed) */
};

/* A word of the message: its form and what the lexicon says of it. */
struct tok {
	unsigned long long cls;
	signed char number;	/* 1: digits only; -1: laughter; else 0 */
	unsigned char passive;	/* written di-: "dibangun", "dicek" */
	unsigned char ber;	/* written ber-: "berbulan-bulan" */
	unsigned char starts;	/* the rule functions it starts (R_ASKING ...) */
	unsigned short model;	/* its place in the words' model (aduan_bayes_place) */
	unsigned char compared;	/* K_FORM: form is one of compared[] (read by the
				 * macro is), with its marks (marked[]); K_TOWN:
				 * one of towns[]; K_NUMBER: number is 1 */
	unsigned char first;	/* the rule functions it starts as the first word */
	char form[WORD + 1];
};
_Static_assert(ADUAN_BAYES_SLOTS <= 65535, "a model's places fit a token's unsigned short");

#define HOME_MAX 16	/* words naming the office's own town */
#define KNOWN 16384	/* written words remembered (a power of two) */
#define KNOWN_RAW 22	/* the longest written word remembered (a slot in 64 bytes) */
#define SAID 16384	/* messages remembered with their verdicts (a power of two) */
#define SAID_TEXT 116	/* the longest message remembered, with its verdict in 128 bytes */

struct aduan_decider {
	struct aduan_stemmer *st;
	const char *text;
	struct entry *lex;
	size_t nlex;
	int slot[HASHSIZE];	/* open addressing: index in lex + 1, or 0 */
	unsigned char surface_first[256];	/* first letters of the "=" entries */
	int explain;		/* write the reason (aduan_decider_explain) */
	int every_word;		/* run every rule function from every word (for tests) */
	size_t said_under;	/* texts under this length are remembered (SAID_TEXT;
				 * 0 with every_word, which decides each anew) */
	struct aduan_bayes *bayes;	/* what earlier messages' words say, or NULL */
	unsigned stamp;		/* the message's stamp in bayes */
	struct aduan_bayes *learning;	/* a logistic model learning (aduan_decider_learn) */
	int learning_complaint;	/* the label of the message it learns */
	/* a direct-mapped cache of written words and their tokens: chat
	 * repeats its words, and a word's tokens depend on its bytes alone;
	 * a word of one token (or none) in one cache line of memory, words
	 * of several forms ("gpp": "tidak apa apa") read each time */
	struct known {
		unsigned char rawlen, ntok;	/* rawlen 0: an empty slot */
		char raw[KNOWN_RAW];
		struct tok tok;
	} *known;
	void *known_block;	/* what was allocated for known, which starts on a line in it */
	/* the forms of the office's own town (aduan_decider_home) */
	char home[HOME_MAX][WORD + 1];
	int nhome;
	/* a direct-mapped cache of whole messages and their verdicts: chat
	 * repeats its short replies ("Siap pak", "Aamiin"), and a verdict
	 * depends on the text (and media, explain, home, model) alone; two
	 * cache lines a message, its reason apart in said_why */
	struct said {
		unsigned char len;	/* the text's length + 1; 0: an empty slot */
		unsigned char media, explain, take;
		int score, followup;
		char text[SAID_TEXT];
	} *said;
	char (*said_why)[sizeof(((struct aduan_verdict *)0)->why)];
	/* the message being read */
	struct tok tok[ADUAN_DECIDE_WORDS];
	int n;
	unsigned long long cls;	/* its words' classes together */
	int number;		/* one of them is a number */
	unsigned marks;		/* their marks together (K_PURPOSE ...); all with
				 * every_word, which looks over every message */
	unsigned short place[ADUAN_DECIDE_WORDS];	/* their places in the model */
};

_Static_assert(sizeof(struct known) == 64, "a remembered word in one cache line");

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->form, ((const struct entry *)b)->form);
}

static unsigned
hash(const char *s)
{
	return aduan_fnv_step(ADUAN_FNV_START, s, strlen(s));
}

/* The first n bytes of a word of eight read on a little-endian machine
 * (n below 8), by a look in a table rather than a shift made of n. */
static const unsigned long long first_bytes[8] = {
	0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffffULL, 0xffffffffffffULL,
	0xffffffffffffffULL
};

/* A hash of s[0..n), eight bytes at a time, for the caches' slots; avail
 * bytes from s may be read (at least n): a last part of under eight is
 * read at once when eight are there, or when eight end with it. */
static inline unsigned
bytes_hash(const char *s, size_t n, size_t avail)
{
	unsigned long long h = 0x9e3779b97f4a7c15ULL ^ n, w = 0;
	size_t whole = n;

	for (; n >= 8; s += 8, n -= 8, avail -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	if (n > 0 && avail >= 8) {
		memcpy(&w, s, 8);
		w &= first_bytes[n];	/* (on a little-endian machine its first n) */
	} else if (n > 0 && whole >= 8) {
		memcpy(&w, s + n - 8, 8);
		w >>= 64 - 8 * n;	/* (its last n, moved down: the same) */
	} else
		for (w = 0; n > 0; n--)
			w = w << 8 | (unsigned char)s[n - 1];
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return (unsigned)(h ^ h >> 32);
}

/* Whether raw (KNOWN_RAW bytes, zero after its first n) holds s[0..n);
 * avail bytes from s may be read (at least n). */
static int
same_raw(const char *raw, const char *s, size_t n, size_t avail)
{
	unsigned long long a, b;

	for (; n >= 8; raw += 8, s += 8, n -= 8, avail -= 8) {
		memcpy(&a, raw, 8);
		memcpy(&b, s, 8);
		if (a != b)
			return 0;
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n > 0 && avail >= 8) {	/* the last part at once: its first n bytes */
		memcpy(&a, raw, 8);
		memcpy(&b, s, 8);
		return ((a ^ b) & first_bytes[n]) == 0;
	}
#endif
	return n == 0 || memcmp(raw, s, n) == 0;
}

static const struct entry *
lookup(const struct aduan_decider *d, const char *form)
{
	unsigned i = hash(form) & (HASHSIZE - 1);

	for (; d->slot[i] != 0; i = (i + 1) & (HASHSIZE - 1))
		if (strcmp(d->lex[d->slot[i] - 1].form, form) == 0)
			return &d->lex[d->slot[i] - 1];
	return NULL;
}

/* Forget the messages decided (what decides them changed). */
static void
forget_said(struct aduan_decider *d)
{
	if (d->said != NULL)
		memset(d->said, 0, SAID * sizeof(*d->said));
}

/* Forget the written words remembered (what their tokens hold changed),
 * and the messages decided. */
static void
forget_words(struct aduan_decider *d)
{
	if (d->known != NULL)
		memset(d->known, 0, KNOWN * sizeof(*d->known));
	forget_said(d);
}

static int
add_home(const char *form, size_t n, size_t start, size_t wordlen, void *arg)
{
	struct aduan_decider *d = arg;

	if (d->nhome < HOME_MAX && n <= WORD) {
		memcpy(d->home[d->nhome], form, n);
		d->home[d->nhome++][n] = '\0';
	}
	return 0;
}

void
aduan_decider_home(struct aduan_decider *d, const char *text)
{
	if (text != NULL)
		aduan_stem_words(d->st, text, strlen(text), add_home, d);
	forget_said(d);	/* a town there no longer counts as elsewhere */
}

static void
add_entry(struct aduan_decider *d, size_t *cap, const char *form, unsigned long long cls,
    int is_compared, unsigned starts_of, unsigned first_of)
{
	d->lex = aduan_grow(d->lex, cap, d->nlex + 1, sizeof(*d->lex));
	d->lex[d->nlex].form = aduan_xstrdup(form);
	d->lex[d->nlex].cls = cls;
	d->lex[d->nlex].starts = (unsigned char)starts_of;
	d->lex[d->nlex].first = (unsigned char)first_of;
	d->lex[d->nlex].town = 0;
	d->lex[d->nlex++].compared = is_compared;
}

/* The forms of list (as they are, one space apart) as entries the rules
 * compare with, starting the rule functions starts_of (first_of as the
 * first word). */
static void
add_forms(struct aduan_decider *d, size_t *cap, const char *list, unsigned starts_of,
    unsigned first_of)
{
	size_t i;

	for (i = strspn(list, " "); list[i] != '\0'; i += strspn(list + i, " ")) {
		char form[WORD + 1];
		size_t n = strcspn(list + i, " ");

		snprintf(form, sizeof(form), "%.*s", (int)n, list + i);
		add_entry(d, cap, form, 0, 1, starts_of, first_of);
		i += n;
	}
}

/* The lexicon's words, stemmed (or as written after "="), and the forms
 * the rules compare with, one entry per form, in d->lex and d->slot. */
static void
make_lexicon(struct aduan_decider *d)
{
	size_t i, cap = 0, j;

	for (i = 0; i < sizeof(lexicon) / sizeof(lexicon[0]); i++) {
		const char *p = lexicon[i].words;

		while (*p) {
			size_t n = strcspn(p, " ");
			char surface[WORD + 1];
			const char *f;

			if (*p == '=') {	/* the word as written, not its stem */
				snprintf(surface, sizeof(surface), "%.*s", (int)n, p);
				f = surface;
			} else
				f = aduan_stem_word(d->st, p, n);
			add_entry(d, &cap, f, lexicon[i].cls, 0, 0, 0);
			p += n;
			p += strspn(p, " ");
		}
	}
	add_forms(d, &cap, compared, 0, 0);
	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++) {
		add_forms(d, &cap, starts[i].forms, 1u << i, 0);
		add_forms(d, &cap, starts[i].first_forms, 0, 1u << i);
	}
	for (i = 0; i < sizeof(towns) / sizeof(towns[0]); i++) {
		add_entry(d, &cap, towns[i], 0, 1, R_VOICE, 0);
		d->lex[d->nlex - 1].town = 1;
	}
	qsort(d->lex, d->nlex, sizeof(*d->lex), cmp_entry);
	/* one entry per form, its classes joined */
	for (i = 0, j = 0; i < d->nlex; i++) {
		if (j > 0 && strcmp(d->lex[j - 1].form, d->lex[i].form) == 0) {
			d->lex[j - 1].cls |= d->lex[i].cls;
			d->lex[j - 1].compared |= d->lex[i].compared;
			d->lex[j - 1].starts |= d->lex[i].starts;
			d->lex[j - 1].first |= d->lex[i].first;
			d->lex[j - 1].town |= d->lex[i].town;
			free(d->lex[i].form);
		} else
			d->lex[j++] = d->lex[i];
	}
	d->nlex = j;
	for (i = 0; i < d->nlex; i++) {
		unsigned h = hash(d->lex[i].form) & (HASHSIZE - 1);

		while (d->slot[h] != 0)
			h = (h + 1) & (HASHSIZE - 1);
		d->slot[h] = (int)i + 1;
		if (d->lex[i].form[0] == '=')
			d->surface_first[(unsigned char)d->lex[i].form[1]] = 1;
	}
}

struct aduan_decider *
aduan_decider_new(void)
{
	struct aduan_decider *d;

	d = aduan_xmalloc(sizeof(*d));
	memset(d, 0, sizeof(*d));
	d->explain = 1;
	d->said_under = SAID_TEXT;
	d->bayes = aduan_bayes_builtin();
	if ((d->st = aduan_stemmer_new()) == NULL) {
		free(d);
		return NULL;
	}
	make_lexicon(d);
	return d;
}

void
aduan_decider_free(struct aduan_decider *d)
{
	size_t i;

	if (d == NULL)
		return;
	for (i = 0; i < d->nlex; i++)
		free(d->lex[i].form);
	free(d->lex);
	free(d->known_block);
	free(d->said);
	free(d->said_why);
	aduan_bayes_free(d->bayes);
	aduan_stemmer_free(d->st);
	free(d);
}

void
aduan_decider_explain(struct aduan_decider *d, int on)
{
	d->explain = on;
}

void
aduan_decider_every_word(struct aduan_decider *d, int on)
{
	d->every_word = on;
	d->said_under = on ? 0 : SAID_TEXT;	/* each message decided anew */
	forget_said(d);
}

/* Whether the word at s starts with prefix (lower case), in any case. */
static int
written_as(const char *s, const char *prefix)
{
	for (; *prefix != '\0'; s++, prefix++)
		if ((*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s) != *prefix)
			return 0;
	return 1;
}

/* The marks of a form of compared[] (K_PURPOSE ...): the forms the rules
 * that look back compare with, each rule's all under its mark. */
static unsigned
mark(const char *form)
{
	static const struct {
		unsigned mark;
		const char *forms;
	} marked[] = {
		{ K_PURPOSE, "biar agar supaya" },
		{ K_WORK, "angkut angkat bersih sihkan pungut sapu tebas potong kumpul" },
		{ K_LARANG, "larang" },
		{ K_BAPAK, "bapak" },
		{ K_IBU, "ibu" },
	};
	size_t k, n = strlen(form);
	unsigned m = 0;

	for (k = 0; k < sizeof(marked) / sizeof(marked[0]); k++) {
		const char *p = marked[k].forms;

		for (; (p = strstr(p, form)) != NULL; p += n)
			if ((p == marked[k].forms || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				m |= marked[k].mark;
	}
	return m;
}

static int
add_tok(const char *form, size_t formlen, size_t start, size_t wordlen, void *arg)
{
	struct aduan_decider *d = arg;
	struct tok *t;
	const struct entry *e;
	unsigned char c0;
	size_t i;
	int compared_form, k;

	if (d->n == ADUAN_DECIDE_WORDS)
		return 1;
	t = &d->tok[d->n++];
	if (formlen >= sizeof(t->form))
		formlen = sizeof(t->form) - 1;
	memcpy(t->form, form, formlen);
	t->form[formlen] = '\0';
	t->number = 1;
	for (i = 0; i < formlen; i++)
		if (form[i] < '0' || form[i] > '9')
			t->number = 0;
	e = lookup(d, t->form);
	t->cls = e != NULL ? e->cls : 0;
	compared_form = e == NULL || !e->compared ? 0 : e->town ? K_TOWN : K_FORM | mark(t->form);
	t->starts = e != NULL ? e->starts : 0;
	t->first = e != NULL ? e->first : 0;
	/* looked up once a written word, not once each time it is weighed */
	t->model = d->bayes != NULL ? (unsigned short)aduan_bayes_place(d->bayes, t->form) : 0;
	t->passive = wordlen > 4 && written_as(d->text + start, "di") &&
	    strncmp(t->form, "di", 2) != 0;
	t->ber = wordlen > 5 && written_as(d->text + start, "ber") &&
	    strncmp(t->form, "ber", 3) != 0;
	c0 = (unsigned char)d->text[start];
	if (c0 >= 'A' && c0 <= 'Z')
		c0 = (unsigned char)(c0 - 'A' + 'a');
	if (wordlen < WORD && d->surface_first[c0]) {	/* the word as written */
		char surface[WORD + 2];

		surface[0] = '=';
		for (i = 0; i < wordlen; i++) {
			char ch = d->text[start + i];

			surface[i + 1] = ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
		}
		surface[wordlen + 1] = '\0';
		if ((e = lookup(d, surface)) != NULL)
			t->cls |= e->cls;
	}
	/* laughter: wkwk, hahaha, hehe */
	if (strncmp(t->form, "wkwk", 4) == 0 || strncmp(t->form, "haha", 4) == 0 ||
	    strncmp(t->form, "hehe", 4) == 0 || strncmp(t->form, "hihi", 4) == 0 ||
	    strncmp(t->form, "awok", 4) == 0)
		t->number = -1;
	t->compared = (unsigned char)(compared_form | (t->number == 1 ? K_NUMBER : 0));
	for (k = 0; k < (int)(sizeof(starts) / sizeof(starts[0])); k++) {
		if (t->cls & starts[k].cls)
			t->starts |= (unsigned char)(1u << k);
		if (t->cls & starts[k].first_cls)
			t->first |= (unsigned char)(1u << k);
	}
	if (t->number == 1 || (t->ber && (t->cls & C_UNIT)))
		t->starts |= R_TIME;	/* "3 hari", "berbulan-bulan" */
	if (t->number == -1)
		t->starts |= R_CHATTER;	/* laughter */
	return 0;
}

/* The tokens of text's words, each written word's looked up in the
 * cache, or read (add_tok) and remembered there; what they hold together
 * noted as they come. */
static void
read_words(struct aduan_decider *d, const char *text, size_t len)
{
	size_t pos = 0, start, n;
	unsigned long long cls = 0;
	unsigned marks = 0;
	int j;

	if (d->known == NULL) {	/* (calloc: a block this large comes zeroed, not written) */
		uintptr_t at;

		if ((d->known_block = calloc(KNOWN + 1, sizeof(*d->known))) == NULL)
			abort();
		at = ((uintptr_t)d->known_block + 63) & ~(uintptr_t)63;
		d->known = (struct known *)at;
	}
	while (d->n < ADUAN_DECIDE_WORDS &&
	    (n = aduan_stem_next_inline(d->st, text, len, &pos, &start)) > 0) {
		struct known *k;
		int first = d->n, hit, cut;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (n < 8 && len - start >= 8) {	/* most words: bytes_hash and same_raw at once */
			unsigned long long w, r, h;

			memcpy(&w, text + start, 8);
			w &= first_bytes[n];
			h = (0x9e3779b97f4a7c15ULL ^ n ^ w) * 0xc4ceb9fe1a85ec53ULL;
			k = &d->known[(unsigned)(h ^ h >> 32) & (KNOWN - 1)];
			memcpy(&r, k->raw, 8);
			hit = k->rawlen == n && r == w;
		} else
#endif
		{
			k = &d->known[bytes_hash(text + start, n, len - start) & (KNOWN - 1)];
			hit = k->rawlen == n && same_raw(k->raw, text + start, n, len - start);
		}
		if (hit) {	/* (inline: a call costs more than a token) */
			d->tok[d->n] = k->tok;	/* (a word of no token keeps a zero one) */
			cls |= k->tok.cls;
			marks |= k->tok.compared;	/* (K_NUMBER among them) */
			d->place[d->n] = k->tok.model;
			d->n += k->ntok;
			continue;
		}
		d->text = text + start;
		cut = aduan_stem_words(d->st, text + start, n, add_tok, d) != 0;
		for (j = first; j < d->n; j++) {
			cls |= d->tok[j].cls;
			marks |= d->tok[j].compared;
			d->place[j] = d->tok[j].model;
		}
		if (cut || n > KNOWN_RAW || d->n - first > 1)
			continue;	/* cut short, or too long to remember */
		k->rawlen = (unsigned char)n;
		memcpy(k->raw, text + start, n);
		memset(k->raw + n, 0, KNOWN_RAW - n);	/* as same_raw reads it */
		k->ntok = (unsigned char)(d->n - first);
		if (k->ntok == 1)
			k->tok = d->tok[first];
		else
			memset(&k->tok, 0, sizeof(k->tok));
	}
	d->cls = cls;
	d->number = (marks & K_NUMBER) != 0;
	d->marks = d->every_word ? ~0u : marks;
}

/* Whether a word's form is word (a literal): compared as bytes, which the
 * compiler does inline; a form has room for WORD + 1 bytes, so the
 * compare stays inside it.  form is always a token's form (tests/
 * decide-words.t), and a token whose form is none of compared[] is
 * none of the words at all: its flag (K_FORM) answers before any byte
 * is read. */
#define tok_of(f) ((const struct tok *)(const void *)((const char *)(f) - \
	offsetof(struct tok, form)))
#define is(f, word) (sizeof(word) <= WORD + 1 && (tok_of(f)->compared & K_FORM) && \
	memcmp((f), word, sizeof(word)) == 0)

/* One rule that fired: its weight, what it is, and the word that shows it. */
struct feature {
	int weight;
	const char *label;	/* a format with one %s (untranslated) */
	const char *word;
};

struct score {
	struct feature f[24];
	int n, sum;
};

static void
fire(struct score *s, int weight, const char *label, const char *word)
{
	s->sum += weight;
	if (s->n < (int)(sizeof(s->f) / sizeof(s->f[0]))) {
		s->f[s->n].weight = weight;
		s->f[s->n].label = label;
		s->f[s->n++].word = word;
	}
}

static int
has(const struct aduan_decider *d, int from, int to, unsigned long long cls)
{
	int i;

	if (!(d->cls & cls))
		return -1;	/* none in the message */
	if (from < 0)
		from = 0;
	for (i = from; i < to && i < d->n; i++)
		if (d->tok[i].cls & cls)
			return i;
	return -1;
}

/* Whether words from..to hold the form word. */
static int
has_form(const struct aduan_decider *d, int from, int to, const char *word)
{
	int i;

	for (i = from < 0 ? 0 : from; i < to && i < d->n; i++)
		if (strcmp(d->tok[i].form, word) == 0)
			return 1;
	return 0;
}

/* The reason: the weightiest rules on the side that won. */
static void
explain(const struct score *s, int take, char *out, size_t size)
{
	struct aduan_buf b = {0};
	int used[24] = {0}, k, i;

	for (k = 0; k < 2; k++) {
		int best = -1;

		for (i = 0; i < s->n; i++) {
			if (used[i] || (take ? s->f[i].weight <= 0 : s->f[i].weight >= 0))
				continue;
			if (best == -1 || abs(s->f[i].weight) > abs(s->f[best].weight))
				best = i;
		}
		if (best == -1)
			break;
		used[best] = 1;
		if (b.len > 0)
			aduan_buf_adds(&b, "; ");
		aduan_buf_printf(&b, _(s->f[best].label), s->f[best].word);
	}
	if (b.len == 0)
		aduan_buf_adds(&b, take ? _("complaint words") : _("no problem or request stated"));
	snprintf(out, size, "%s", b.s);
	aduan_buf_release(&b);
}

/* What the rules have seen so far in a message. */
struct reading {
	struct score s;
	int nproblem, nrequest, nstate, ntone, topic;
	int thanks, resolved, contrast, last_problem;
	int praise, metaphor, like, joke, link, maps, report, cue, announce, prayer;
	int wait, progress, duration, neglect, planned, warned;
	int residents, conduct, past, now, angry, last_state, around;
	int postponed, office;
};
/* a message starts by zeroing what follows the features (decide_words) */
_Static_assert(offsetof(struct reading, s) == 0 && offsetof(struct score, f) == 0,
    "the features come first in a reading");

/* Word i is "kapan" asking after a fix or a visit: the verb, or -1. */
static int
asks_when(const struct aduan_decider *d, int i)
{
	int j;

	if (!is(d->tok[i].form, "kapan"))
		return -1;
	for (j = i + 1; j < i + 6 && j < d->n; j++)
		if ((d->tok[j].cls & C_FIXVERB) || d->tok[j].passive)
			return j;
	return -1;
}

/* After "kami" (word i): "kami teruskan", "kami dari kecamatan akan
 * meninjau", "kami akan segera ke lokasi": the word, or -1. */
static int
office_reply(const struct aduan_decider *d, int i)
{
	if (i + 1 < d->n && is(d->tok[i + 1].form, "akan"))
		return i + 1;
	return has(d, i + 1, i + 5, C_STAFFVERB);
}

/* Whether "bapak ibu" (the group) is addressed at the start or just
 * before word i. */
static int
group_addressed(const struct aduan_decider *d, int i)
{
	int j;

	if ((d->marks & (K_BAPAK | K_IBU)) != (K_BAPAK | K_IBU))
		return 0;	/* (no "bapak" or no "ibu" in the message) */
	for (j = 0; j + 1 < i; j++) {	/* at the start, or just before */
		if (j == 2 && j < i - 3)
			j = i - 3;
		if (is(d->tok[j].form, "bapak") && is(d->tok[j + 1].form, "ibu"))
			return 1;
	}
	return 0;
}

/* Where a message opening with the residents it speaks to says which
 * ("warga yang ...", "bapak ibu yang ...", "yang merasa ..."): the word
 * "yang", or -1. */
static int
residents_who(const struct aduan_decider *d)
{
	int j = 0;

	if (d->n > 1 && (d->tok[0].cls & C_GREET))
		j = 1;
	if (j + 1 < d->n && (d->tok[j].cls & C_PUBLIC) && !(d->tok[j].cls & C_OPENER))
		j++;
	else if (j + 2 < d->n && is(d->tok[j].form, "bapak") && is(d->tok[j + 1].form, "ibu"))
		j += 2;
	if (j > 0 && j + 2 < d->n && is(d->tok[j].form, "rt") && d->tok[j + 1].number == 1)
		j += 2;	/* "warga RT 3 yang ..." */
	return j < d->n && is(d->tok[j].form, "yang") && j < 5 &&
	    !has_form(d, j + 1, d->n, "oleh") ? j : -1;	/* "warga yang ... dilarang ... oleh" */
}

/* A request to residents rather than to the office: "mohon warga ...",
 * "bapak ibu, tolong ...", but not "mohon kepada pihak terkait" or
 * "mohon ditinjau". */
static int
to_residents(const struct aduan_decider *d, int i)
{
	int j;

	if (residents_who(d) != -1 || is(d->tok[0].form, "para"))
		return 1;	/* "yang punya motor ..., tolong", "para orang tua, tolong" */
	if ((i + 1 < d->n && d->tok[i + 1].passive) ||
	    (i + 2 < d->n && d->tok[i + 2].passive && is(d->tok[i + 1].form, "pak")))
		return 0;	/* "mohon ditertibkan", "tolong pak dicek" */
	if (has(d, i + 1, i + 5, C_OFFICE) != -1 || has(d, i + 1, i + 2, C_MONEY) != -1)
		return 0;
	if (group_addressed(d, i) || (i + 2 < d->n && is(d->tok[i + 1].form, "bapak") &&
	    is(d->tok[i + 2].form, "ibu")))
		return 1;
	/* "mohon warga ...", but not "warga kami" (the writer's own) */
	return (j = has(d, i + 1, i + 4, C_PUBLIC)) != -1 && has(d, i - 2, i, C_PUBLIC) == -1 &&
	    !(j + 1 < d->n && (d->tok[j + 1].cls & C_KAMI));
}

/* Whether word i is what something is for, not what happened: "biar
 * tidak dibongkar kucing", "agar tidak banjir". */
static int
purpose(const struct aduan_decider *d, int i)
{
	int j;

	if (!(d->marks & K_PURPOSE))
		return 0;
	for (j = i - 3 < 0 ? 0 : i - 3; j < i; j++)
		if (is(d->tok[j].form, "biar") || is(d->tok[j].form, "agar") ||
		    is(d->tok[j].form, "supaya"))
			return 1;
	return 0;
}

/* Whether problem word i is what someone works on rather than what is
 * wrong: "bantu angkut sampah", "bersihkan semak", "potong rumput", but
 * not "tidak ada yang angkut sampah". */
static int
worked_on(const struct aduan_decider *d, int i)
{
	int j;

	if (!(d->marks & K_WORK))
		return 0;
	for (j = i - 2 < 0 ? 0 : i - 2; j < i; j++)
		if (!d->tok[j].passive && (is(d->tok[j].form, "angkut") ||
		    is(d->tok[j].form, "angkat") || is(d->tok[j].form, "bersih") ||
		    is(d->tok[j].form, "sihkan") || is(d->tok[j].form, "pungut") ||
		    is(d->tok[j].form, "sapu") || is(d->tok[j].form, "tebas") ||
		    is(d->tok[j].form, "potong") || is(d->tok[j].form, "kumpul")))
			return has(d, j - 3, j, C_NEG) == -1 && !(j > 0 &&
			    (is(d->tok[j - 1].form, "mobil") || is(d->tok[j - 1].form, "truk")));
	return 0;
}

/* Whether word i is the act forbidden ("warga dilarang membakar sampah")
 * or the writer's own fault apologised for ("maaf telat bales"). */
static int
forbidden(const struct aduan_decider *d, int i)
{
	int j;

	if (i > 0 && is(d->tok[i - 1].form, "maaf"))
		return 1;
	if (!(d->marks & K_LARANG) && !(d->cls & C_JANGAN))
		return 0;
	for (j = i - 3 < 0 ? 0 : i - 3; j < i; j++)
		if (is(d->tok[j].form, "larang") || (d->tok[j].cls & C_JANGAN))
			return 1;
	return 0;
}

/* Whether report word i names where to report ("posko pengaduan",
 * "layanan pengaduan"), not a report made ("WA ke nomor pengaduan"). */
static int
report_desk(const struct aduan_decider *d, int i)
{
	return i > 0 && !(i > 1 && is(d->tok[i - 2].form, "ke")) &&
	    (is(d->tok[i - 1].form, "posko") || is(d->tok[i - 1].form, "layan") ||
	    is(d->tok[i - 1].form, "nomor") || is(d->tok[i - 1].form, "hotline") ||
	    is(d->tok[i - 1].form, "pusat"));
}

/* Whether word i is "minta" said of someone else who demands it: "penjual
 * LPG di pangkalan minta warga beli ...", "yang jaga parkir minta
 * bayaran", not the writer's "mau minta tanda tangan". */
static int
demands(const struct aduan_decider *d, int i)
{
	return is(d->tok[i].form, "minta") && !d->tok[i].passive && i >= 2 &&
	    !is(d->tok[i - 1].form, "mau") && !is(d->tok[i - 1].form, "saya") &&
	    !(d->tok[i - 1].cls & (C_KAMI | C_ABLE)) && has(d, i - 7, i, C_WHO) != -1 &&
	    !(i + 1 < d->n && is(d->tok[i + 1].form, "maaf"));
}

/* Whether problem word i is denied: "tidak ada korban", "tidak perlu
 * antri", "paling lambat 1x24 jam" (a deadline). */
static int
problem_denied(const struct aduan_decider *d, int i)
{
	const struct tok *t = d->tok;

	return i > 0 && ((t[i - 1].cls & C_NEG) || is(t[i - 1].form, "bukan") ||
	    (i > 1 && (t[i - 1].cls & C_HAVE) && (t[i - 2].cls & C_NEG)) ||
	    (i > 1 && (is(t[i - 1].form, "perlu") || is(t[i - 1].form, "usah")) &&
	    (t[i - 2].cls & C_NEG)) ||
	    (i > 0 && is(t[i - 1].form, "paling") &&
	    (is(t[i].form, "lambat") || is(t[i].form, "telat"))));
}

/* Word i: a problem, and what is asked (of the office or of residents). */
static void
asking_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	unsigned long long c = t[i].cls;
	int own = (c & C_REPORT) && i > 0 && (t[i - 1].cls & C_KAMI);	/* "sudah kami laporkan" */
	int j;

	if ((c & C_PROBLEM) && !problem_denied(d, i) && !(i > 0 && (is(t[i - 1].form, "bank") ||
	    is(t[i - 1].form, "iuran"))) &&	/* a programme or a fee, not rubbish */
	    !purpose(d, i) && !worked_on(d, i) && !forbidden(d, i)) {
		r->last_problem = i;
		if (r->nproblem++ < 2)
			fire(&r->s, 3, N_("problem \"%s\""), t[i].form);
	}
	if ((c & (C_REQUEST | C_HARAP)) && !(c & C_REPORT) && i < 2 && i + 1 < d->n &&
	    (t[i + 1].cls & C_NEG) && !is(t[i + 1].form, "tanpa")) {
		r->residents = i;	/* "mohon tidak membakar sampah ...": as "jangan" */
		fire(&r->s, -6, N_("asks residents: \"%s\""), t[i + 1].form);
	} else if ((c & C_REPORT) && report_desk(d, i)) {
		own = 1;	/* "posko pengaduan banjir buka 24 jam" */
		fire(&r->s, -3, N_("where to report: \"%s\""), t[i].form);
	} else if (demands(d, i)) {
		r->last_problem = i;	/* "penjual LPG minta warga beli barang lain dulu" */
		fire(&r->s, 2, N_("someone demands: \"%s\""), t[i].form);
	} else if ((c & C_REQUEST) && !(c & C_REPORT) && to_residents(d, i)) {
		r->residents = i;
		fire(&r->s, -3, N_("asks residents: \"%s\""), t[i].form);
	} else if ((c & C_REQUEST) && i + 1 < d->n && (t[i + 1].cls & C_PATIENT))
		fire(&r->s, -4, N_("asks for patience: \"%s\""), t[i + 1].form);
	else if ((c & C_REQUEST) && !own && !(i + 1 < d->n && is(t[i + 1].form, "maaf")) &&
	    !(i > 0 && (is(t[i - 1].form, "ikut") || is(t[i - 1].form, "boleh") ||
	    is(t[i - 1].form, "suka") || (t[i - 1].cls & C_TONE))) &&	/* "suka minta rokok" */
	    /* "saya ikut bantu", "boleh minta tolong tandatangan" */
	    has(d, i - 3, i, C_IF) == -1 && r->nrequest++ < 2)
		/* "mohon ditertibkan", "tolong dicek": something to be done */
		fire(&r->s, r->nrequest == 1 ? 2 + (i + 1 < d->n && t[i + 1].passive) : 1,
		    N_("request \"%s\""), t[i].form);
	if ((c & C_IF) && has(d, i + 1, i + 3, C_WANT) != -1)
		fire(&r->s, -2, N_("if someone wants: \"%s\""), t[i].form);
	else if ((c & C_IF) && (j = has(d, i + 1, i + 3, C_REPORT)) != -1)
		fire(&r->s, -3, N_("where to report: \"%s\""), t[j].form);	/* "kalau ada keluhan" */
	else if ((c & C_IF) && i + 3 < d->n && is(t[i + 1].form, "ada") &&
	    is(t[i + 2].form, "yang") && !(t[i + 3].cls & (C_PROBLEM | C_STATE | C_NEG | C_DEED)))
		fire(&r->s, -3, N_("asks residents: \"%s\""), t[i + 3].form);	/* "kalau ada yang lihat" */
	if ((c & C_PRAYER) && !r->prayer++)
		fire(&r->s, -2, N_("prayer \"%s\""), t[i].form);
	if (((c & C_OPENER) || (i == 0 && is(t[0].form, "untuk") && d->n > 1 &&
	    (t[1].cls & C_PUBLIC))) && (i == 0 || (i <= 2 && (t[0].cls & C_GREET))) &&
	    !r->announce++)	/* "kepada ...", "untuk warga yang ..." */
		fire(&r->s, -5, N_("announcement \"%s\""), t[i].form);
	if ((c & C_REPORT) && !own)
		r->report = 1;
	if ((c & C_CUE) || (is(t[i].form, "sampa") && i + 1 < d->n &&
	    is(t[i + 1].form, "mana")))	/* "sudah sampai mana" */
		r->cue = 1;
	if ((c & C_ASK) && (has(d, 0, d->n, C_REPORT) != -1 || has(d, i + 1, i + 4, C_CUE) != -1))
		r->cue = 1;	/* "mau tanya laporan", "tanya kapan ..." */
}

/* Word i: what is missing or cannot be done, what is left as it is, what
 * works only partly, how deep the water stands. */
static void
absence_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	unsigned long long c = t[i].cls;
	int j;

	if ((c & C_NEG) && i + 1 < d->n && (t[i + 1].cls & C_HAVE) &&
	    ((j = has(d, i + 2, i + 5, C_TOPIC | C_SERVICE)) != -1 ||
	    (j = has(d, i + 2 >= d->n ? 0 : i - 3, i, C_SERVICE)) != -1)) {
		/* "petugas ... tidak ada", "ambulans ..., waktu warga butuh malah ga ada" */
		r->last_problem = j;	/* "belum ada tindakan", "tidak ada air" */
		if (r->nproblem++ < 2)
			fire(&r->s, 3, N_("nothing: \"%s\""), t[j].form);
	}
	if ((c & C_NEG) && i + 1 < d->n && (t[i + 1].cls & C_ABLE) && (i + 2 == d->n ||
	    (!(t[i + 2].cls & (C_FUNC | C_ANNOUNCE)) && !is(t[i + 2].form, "ikut"))))
		fire(&r->s, 2, N_("cannot: \"%s\""), t[i + 2 < d->n ? i + 2 : i + 1].form);
	if ((c & C_NEGLECT) && !(i > 0 && (t[i - 1].cls & (C_JANGAN | C_NEG))) &&
	    !r->neglect++)	/* not "jangan dibiarkan" */
		fire(&r->s, 3, N_("left as it is: \"%s\""), t[i].form);
	if ((c & C_ONLY) && (j = has(d, i + 1, i + 4, C_FUNC)) != -1 &&
	    has(d, i + 1, j, C_NEG) == -1) {
		r->last_problem = j;	/* "cuma ngalir tengah malam" */
		fire(&r->s, 3, N_("works only partly: \"%s\""), t[j].form);
	} else if (is(t[i].form, "tinggal") && i + 1 < d->n && t[i + 1].number == 1)
		fire(&r->s, 2, N_("only some left: \"%s\""), t[i].form);
	if ((c & C_DEPTH) && (has(d, 0, d->n, C_WATER) != -1 ||
	    has(d, 0, d->n, C_PROBLEM) != -1) && r->nproblem++ < 2)
		fire(&r->s, 3, N_("water up to the \"%s\""), t[i].form);
	if (c & C_WAIT)
		r->wait = i;
}

/* Whether form names a day of the week: "4 hari Jumat" is a date. */
static int
weekday(const char *form)
{
	return is(form, "senin") || is(form, "selasa") || is(form, "rabu") || is(form, "kamis") ||
	    is(form, "jumat") || is(form, "sabtu") || is(form, "minggu") || is(form, "ahad");
}

/* Word i: for how long ("sudah 3 hari", "sebulan", "sejak kemarin"). */
static void
time_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	unsigned long long c = t[i].cls;
	int sudah = i > 0 && (t[i - 1].cls & C_SUDAH);

	if (t[i].number == 1 && i + 1 < d->n && (t[i + 1].cls & C_UNIT) &&
	    !(i + 2 < d->n && is(t[i + 1].form, "hari") && weekday(t[i + 2].form))) {
		r->duration = 1;
		fire(&r->s, sudah ? 2 : 1, N_("for some time: \"%s\""), t[i + 1].form);
	} else if (((c & C_SPAN) || ((c & C_UNIT) && t[i].ber)) && !r->duration++)
		fire(&r->s, sudah ? 2 : 1, N_("for some time: \"%s\""), t[i].form);
	else if ((c & C_SINCE) && (!is(t[i].form, "dari") || (i + 1 < d->n &&
	    ((t[i + 1].cls & (C_WHEN | C_UNIT)) || t[i + 1].number == 1))) && !r->duration++)
		fire(&r->s, 1, N_("for some time: \"%s\""), t[i].form);
}

/* Word i: a bad state, something not working, for how long. */
static void
state_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	unsigned long long c = t[i].cls;
	int negated = i > 0 && ((t[i - 1].cls & C_NEG) ||
	    (i > 1 && (t[i - 1].cls & C_HAVE) && (t[i - 2].cls & C_NEG)));
	int j;

	/* "air tidak ngalir", "belum juga selesai", "tidak aman" */
	if ((c & C_NEG) && !(i + 1 < d->n && is(t[i + 1].form, "mampu")) &&	/* "SKTM" */
	    ((j = has(d, i + 1, i + 4, C_FUNC)) != -1 ||
	    (j = has(d, i + 1, i + 3, C_RESOLVED)) != -1 ||
	    (i + 1 < d->n && (t[i + 1].cls & C_FIXVERB) && t[j = i + 1].passive) ||
	    (is(t[i].form, "belum") && i + 2 < d->n && is(t[i + 1].form, "juga") &&
	    t[j = i + 2].passive) ||	/* "belum juga ditandatangani" */
	    (i + 1 < d->n && is(t[j = i + 1].form, "jadi"))) &&
	    has(d, i + 1, j, C_NEG | C_CONTRAST) == -1 &&
	    !(i + 1 < d->n && is(t[i + 1].form, "ikut")) &&	/* "tidak ikut kerja bakti" */
	    !(r->residents != -1 && i - r->residents <= 4)) {	/* "mohon warga tidak ..." */
		r->last_problem = j;
		fire(&r->s, 3, N_("not working: \"%s\""), t[j].form);
	}
	if ((is(t[i].form, "masuk") || is(t[i].form, "naik")) &&
	    has(d, i - 3, i + (t[i].form[0] == 'm' ? 3 : 0), C_WATER) != -1 &&
	    r->nproblem++ < 2)	/* "air masuk rumah", "kemasukan air" */
		fire(&r->s, 3, N_("problem \"%s\""), t[i].form[0] == 'm' ? "air masuk" : "air naik");
	if ((c & C_STATE) && !negated && !(i > 0 && (t[i - 1].cls & C_SUDAH) &&
	    is(t[i].form, "lama")) &&	/* "sudah lama" */
	    !(is(t[i].form, "kurang") && i + 1 < d->n && is(t[i + 1].form, "mampu"))) {
		r->last_state = i;
		if (r->nstate++ < 2)
			fire(&r->s, 2, N_("bad state \"%s\""), t[i].form);
	}
	if ((c & C_TONE) && r->ntone++ < 2)
		fire(&r->s, 1, N_("tone \"%s\""), t[i].form);
	if ((c & C_TOPIC) && !r->topic++)
		fire(&r->s, 1, N_("about \"%s\""), t[i].form);
	if ((is(t[i].form, "makin") || is(t[i].form, "semakin") || (is(t[i].form, "tambah") &&
	    !t[i].passive)) && i + 1 < d->n && ((t[i + 1].cls & (C_STATE | C_PROBLEM)) ||
	    is(t[i + 1].form, "dalam") || is(t[i + 1].form, "lebar") ||
	    is(t[i + 1].form, "banyak") || is(t[i + 1].form, "besar")) &&
	    r->nstate++ < 2)	/* "tambah dalam", "makin parah" */
		fire(&r->s, 2, N_("getting worse: \"%s\""), t[i + 1].form);
	if ((j = asks_when(d, i)) != -1)
		fire(&r->s, 3, N_("asks when it is fixed: \"%s\""), t[j].form);
	else if (is(t[i].form, "kapan") && i > 0 && is(t[i - 1].form, "sampa"))
		fire(&r->s, 3, N_("asks when it is fixed: \"%s\""), "sampai kapan");
}

/* Whether words from..to tell of late at night: "subuh", "sampai jam
 * 3", "sampai pagi", "tiap malam", "kalau malam", "jam 12 malam". */
static int
late_at_night(const struct aduan_decider *d, int from, int to)
{
	const struct tok *t = d->tok;
	int i, night = 0;

	for (i = 0; i < d->n; i++)	/* "malam", "subuh", "jam 3 pagi" */
		night |= is(t[i].form, "malam") || (t[i].cls & C_LATE) != 0 ||
		    (t[i].number == 1 && atoi(t[i].form) <= 5 && i + 1 < d->n &&
		    is(t[i + 1].form, "pagi"));
	for (i = from < 0 ? 0 : from; i < to && i < d->n; i++) {
		if (t[i].cls & C_LATE)
			return 1;
		if (i + 1 == d->n)
			break;
		if ((is(t[i].form, "sampa") || is(t[i].form, "sampe")) &&
		    (is(t[i + 1].form, "pagi") || (is(t[i + 1].form, "jam") && night)))
			return 1;	/* "sampai jam 12" alone may be noon */
		if ((is(t[i].form, "tengah") || is(t[i].form, "sepanjang") || is(t[i].form, "siang") ||
		    (t[i].cls & (C_TONE | C_IF)) || t[i].number == 1) && is(t[i + 1].form, "malam"))
			return 1;
	}
	return 0;
}

/* Whether the sum at word i ("20 ribu") was asked for: "diminta 20
 * ribu", "minta bayaran 100 ribu". */
static int
paid_to(const struct aduan_decider *d, int i)
{
	int j;

	for (j = i - 4 < 0 ? 0 : i - 4; j < i; j++)
		if ((is(d->tok[j].form, "minta") && (d->tok[j].passive ||
		    is(d->tok[j + 1].form, "bayar") || is(d->tok[j + 1].form, "uang"))) ||
		    (is(d->tok[j].form, "suruh") && d->tok[j].passive &&
		    is(d->tok[j + 1].form, "bayar")))	/* "disuruh bayar 150 ribu" */
			return 1;
	return 0;
}

/* Whether the deed at word i is a step of work that goes on to a repair:
 * "ditutup dan dicor", "dibongkar dan dibangun ulang": the repair, or -1. */
static int
then_fixed(const struct aduan_decider *d, int i)
{
	return i + 2 < d->n && is(d->tok[i + 1].form, "dan") && (d->tok[i + 2].passive ||
	    strncmp(d->tok[i + 2].form, "di", 2) == 0) &&	/* "dicor" is its own stem */
	    (d->tok[i + 2].cls & C_FIXVERB) ? i + 2 : -1;
}

/* Word i: something done to the writer or a public place by others
 * ("dipagar", "ditolak", "tanpa izin", "di atas trotoar", "dimintai
 * uang"), a nuisance at night, "padahal", dumping. */
static void
deed_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	unsigned long long c = t[i].cls;
	int before = i > 0 ? (int)(t[i - 1].cls & (C_NEG | C_SUDAH)) != 0 : 0;

	if ((c & C_DEED) && t[i].passive && !(before && (c & C_FIXVERB)) && !purpose(d, i) &&
	    then_fixed(d, i) == -1 &&	/* "ditutup dan dicor": the work's steps */
	    !r->planned && !(i + 1 < d->n && (is(t[i + 1].form, "tanggal") ||
	    is(t[i + 1].form, "pukul") || is(t[i + 1].form, "mula"))) &&	/* "ditutup tanggal 20" */
	    r->nproblem++ < 2) {
		r->last_problem = i;
		fire(&r->s, 3, N_("done to them: \"%s\""), t[i].form);
	}
	if ((c & C_CONDUCT) && !r->conduct && late_at_night(d, i - 6, i + 7)) {
		r->conduct = 1;	/* "suara ... bunyi sampai tengah malam" */
		fire(&r->s, 3, N_("a nuisance at night: \"%s\""), t[i].form);
	}
	if ((c & C_PERMIT) && (has(d, i - 2, i, C_NEG) != -1 ||
	    (i > 1 && is(t[i - 2].form, "apa"))))
		fire(&r->s, 3, N_("without a permit: \"%s\""), t[i].form);
	if (c & C_PADAHAL)
		fire(&r->s, 2, N_("though it should: \"%s\""), t[i].form);
	if ((c & C_MONEY) && ((i > 0 && (t[i - 1].passive || is(t[i - 1].form, "minta"))) ||
	    (i + 1 < d->n && (is(t[i + 1].form, "rokok") ||
	    is(t[i + 1].form, "pelicin") || is(t[i + 1].form, "jasa")))))
		fire(&r->s, 3, N_("asked for money: \"%s\""), t[i].form);
	if ((c & C_DEED) && !t[i].passive && i > 1 && is(t[i - 1].form, "yang") &&
	    (is(t[i - 2].form, "ada") || is(t[i - 2].form, "orang")) && r->nproblem++ < 2)
		fire(&r->s, 3, N_("someone does: \"%s\""), t[i].form);	/* "ada yg tebang pohon" */
	if (is(t[i].form, "keras") && i > 0 && is(t[i - 1].form, "minum") && r->nproblem++ < 2)
		fire(&r->s, 3, N_("problem \"%s\""), "minuman keras");
	if ((c & C_NEG) && i + 2 >= d->n && !is(t[i].form, "tanpa") && has(d, 0, i, C_FIXVERB) != -1 &&
	    (i + 1 == d->n || is(t[i + 1].form, "juga") || is(t[i + 1].form, "kunjung")))
		fire(&r->s, 3, N_("still not done: \"%s\""), t[i].form);	/* "sampai Kamis belum juga" */
	if (is(t[i].form, "wajar") && i > 0 && ((t[i - 1].cls & C_NEG) || is(t[i - 1].form, "apa") ||
	    is(t[i - 1].form, "apakah")))	/* "apakah wajar ... diminta 20 ribu?" */
		fire(&r->s, 3, N_("unfair: \"%s\""), t[i].form);
	if ((is(t[i].form, "ribu") || is(t[i].form, "juta") || is(t[i].form, "rb")) &&
	    has(d, i - 3, i, C_MONEY) == -1 && paid_to(d, i) && (r->last_problem = i) >= 0)
		fire(&r->s, 3, N_("asked for money: \"%s\""), t[i].form);
	if (is(t[i].form, "tetap") && i + 1 < d->n && (t[i + 1].cls & (C_PROBLEM | C_DEED)))
		fire(&r->s, 3, N_("still: \"%s\""), t[i + 1].form);	/* "WC pasar tetap tutup" */
	if (is(t[i].form, "bayar") && i > 0 && (t[i - 1].cls & C_SUDAH) &&
	    has(d, i + 1, i + 5, C_CONTRAST) != -1)	/* "sudah bayar retribusi tapi ..." */
		fire(&r->s, 2, N_("paid, but: \"%s\""), t[i].form);
	if (is(t[i].form, "mana") && i < 2 && i + 1 < d->n && (t[i + 1].cls & (C_SERVICE | C_CREW)) &&
	    r->nproblem++ < 2)	/* "mana petugasnya pak, katanya jam 9 datang" */
		fire(&r->s, 3, N_("nothing: \"%s\""), t[i + 1].form);
	if (is(t[i].form, "larang") && t[i].passive && has_form(d, i + 1, i + 6, "oleh") &&
	    r->nproblem++ < 2)
		fire(&r->s, 3, N_("done to them: \"%s\""), t[i].form);	/* "dilarang ... oleh pengurus" */
	if (is(t[i].form, "paka") && t[i].passive && has_form(d, i + 1, i + 5, "parkir") &&
	    r->nproblem++ < 2)
		fire(&r->s, 3, N_("done to them: \"%s\""), "dipakai parkir");	/* "lapangan dipakai parkir truk" */
	if (is(t[i].form, "kasih") && i > 0 && is(t[i - 1].form, "pilih"))
		fire(&r->s, 3, N_("unfair: \"%s\""), "pilih kasih");
	if ((is(t[i].form, "nutup") || is(t[i].form, "utup")) &&
	    has(d, i + 1, i + 3, C_TOPIC | C_PUBSPACE) != -1)	/* "motor parkir nutup jalan" */
		fire(&r->s, 3, N_("blocks a public way: \"%s\""), t[i + 1].form);
	if (is(t[i].form, "biasa") && has(d, i + 1, i + 3, C_ONLY | C_CONTRAST) != -1)
		fire(&r->s, 2, N_("unlike usual: \"%s\""), t[i].form);	/* "biasanya cuma 150" */
	if (is(t[i].form, "atas") && i > 0 && is(t[i - 1].form, "di") &&
	    i + 1 < d->n && (t[i + 1].cls & C_PUBSPACE))
		fire(&r->s, 3, N_("built on a public place: \"%s\""), t[i + 1].form);
	if ((c & C_DUMP) && i >= 2 && has(d, i - 3, i, C_JANGAN | C_NEG | C_ANNOUNCE) == -1 &&
	    r->residents == -1 && !group_addressed(d, i))
		fire(&r->s, 2, N_("dumping: \"%s\""), t[i].form);
	if (i < 8 && is(t[i].form, "ini") && i + 1 < d->n && (is(t[i + 1].form, "foto") ||
	    is(t[i + 1].form, "lokasi") || is(t[i + 1].form, "gambar") ||
	    is(t[i + 1].form, "video")))	/* "ini fotonya pak": shows an earlier message */
		fire(&r->s, -3, N_("a picture's caption: \"%s\""), t[i + 1].form);
	if ((is(t[i].form, "akan") || is(t[i].form, "besok") || is(t[i].form, "rencana") ||
	    (is(t[i].form, "jadwal") && t[i].passive)) &&	/* "dijadwalkan dipotong" */
	    i + 1 < d->n && t[i + 1].passive && (t[i + 1].cls & (C_PROBLEM | C_FIXVERB | C_DEED)) &&
	    has(d, 0, d->n, C_CUE | C_REPORT) == -1 && !r->planned++)
		fire(&r->s, -4, N_("work announced: \"%s\""), t[i + 1].form);
}

/* Whether the fix told at word j was the residents' own ("sudah
 * dipasangi ban sama warga", "sudah kami bersihkan sendiri"). */
static int
self_help(const struct aduan_decider *d, int j)
{
	int k;

	for (k = j + 1; k < j + 5 && k < d->n; k++)
		if (is(d->tok[k].form, "sendir") || is(d->tok[k].form, "swadaya") ||
		    ((d->tok[k].cls & C_PUBLIC) && (is(d->tok[k - 1].form, "sama") ||
		    is(d->tok[k - 1].form, "oleh"))))
			return 1;
	return 0;
}

/* Word i: figures of speech, thanks, a fix, a turn ("tapi"). */
static void
turn_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	unsigned long long c = t[i].cls;
	int j;

	if ((c & C_PRAISE) && !(is(t[i].form, "luar") &&
	    !(i + 1 < d->n && is(t[i + 1].form, "biasa"))))	/* not "di luar jadwal" */
		r->praise = 1;
	if (c & C_METAPHOR)
		r->metaphor = 1;
	if (c & C_LIKE)
		r->like = 1;
	if (((c & C_THANKS) || (is(t[i].form, "kasih") && i > 0 &&
	    is(t[i - 1].form, "ima"))) && r->thanks == -1)
		r->thanks = i;
	if ((c & C_SUDAH) && ((j = has(d, i + 1, i + 3, C_RESOLVED | C_FUNC | C_FIXVERB)) != -1 ||
	    (i + 3 < d->n && is(t[i + 1].form, "ada") && is(t[i + 2].form, "yang") &&
	    (t[j = i + 3].cls & (C_RESOLVED | C_FIXVERB))) ||	/* "sudah ada yang tangkap" */
	    (i + 1 < d->n && (t[i + 1].cls & C_DEED) && t[i + 1].passive &&
	    (j = then_fixed(d, i + 1)) != -1)) &&	/* "sudah ditutup dan dicor" */
	    !(is(t[j].form, "bayar") && !t[j].passive) &&	/* "sudah bayar ke oknum" */
	    !(i > 0 && is(t[i - 1].form, "kata")) &&	/* "katanya sudah diperbaiki" */
	    has(d, i + 1, j + 2, C_NEG) == -1 &&	/* "sudah diproses belum?" */
	    (t[j].passive || !(j + 1 < d->n && (t[j + 1].number == 1 || (t[j + 1].cls & C_UNIT)))))
		r->resolved = self_help(d, j) ? -1 : j;	/* not "sudah lewat jam 10" */
	if ((c & C_SUDAH) && has(d, i - 2, i, C_CREW) != -1 && r->resolved == -1)
		r->resolved = i;	/* "tim damkar sudah padamkan api" */
	if (c & C_PAST)
		r->past = i;
	else if (is(t[i].form, "sekarang") && r->past != -1)
		r->now = i;	/* "dulu rusak, sekarang mulus" */
	if ((c & C_SUDAH) && i + 2 < d->n && (t[i + 1].cls & C_NEG) &&
	    (t[i + 2].cls & (C_PROBLEM | C_STATE)))
		r->resolved = i + 2;	/* "sudah tidak bau" */
	if (c & (C_CONTRAST | C_PADAHAL))	/* "sudah dilewati truk padahal belum kering" */
		r->contrast = i;
	if ((c & C_NOW) && i + 1 < d->n && ((t[i + 1].cls & (C_FIXVERB | C_STAFFVERB)) ||
	    is(t[i + 1].form, "kerja")))	/* "petugas sedang bekerja" */
		r->progress = i + 1;	/* "sedang diperbaiki" */
	if (is(t[i].form, "lokasi") && i > 1 && (is(t[i - 1].form, "di") || is(t[i - 1].form, "ke")) &&
	    (t[i - 2].cls & C_SUDAH))	/* "BPBD sudah di lokasi" */
		r->progress = i;
}

/* Whether form tells where or when something happens, or that the writer
 * took part: "di", "dari", "pas", "waktu", "saat", "ikut". */
static int
setting(const char *form)
{
	return is(form, "di") || is(form, "dari") || is(form, "pas") || is(form, "waktu") ||
	    is(form, "saat") || is(form, "ikut");
}

/* Whether form names a town outside the office's area (a problem there
 * is news, not a complaint to it): one of these, unless the office's own
 * settings name it. */
static int
elsewhere(const struct aduan_decider *d, const char *form)
{
	size_t k;

	int h;

	for (k = 0; k < sizeof(towns) / sizeof(towns[0]); k++)
		if (strcmp(form, towns[k]) == 0) {
			for (h = 0; h < d->nhome; h++)
				if (strcmp(form, d->home[h]) == 0)
					return 0;
			return 1;
		}
	return 0;
}

/* Whether word i passes on an office's word that all is well ("kata dinas
 * lingkungan aman"), with nothing denied, awaited or asked after: the
 * word that says so, or -1. */
static int
office_word(const struct aduan_decider *d, int i)
{
	int j;

	if (!is(d->tok[i].form, "kata") || has(d, i + 1, i + 3, C_OFFICE | C_CREW) == -1 ||
	    (j = has(d, i + 2, i + 6, C_RESOLVED)) == -1)
		return -1;
	return has(d, 0, d->n, C_NEG | C_CONTRAST | C_CUE | C_PADAHAL | C_WAIT) == -1 ? j : -1;
}

/* Word i: who speaks, and to whom: residents told what to do ("mari
 * kita ...", "warga yang ..."), an apology for a nuisance ("mohon maaf
 * kalau agak berisik") or a delay ("maaf atas keterlambatannya"), an
 * office telling what it did ("sudah kami laporkan ke PLN", "petugas
 * kami"), news passed on ("lihat nih video ..."). */
static void
voice_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	int j;

	if (is(t[i].form, "sebaik") || is(t[i].form, "saran") ||
	    (i == 0 && is(t[i].form, "tips")))	/* "sebaiknya putar balik" */
		fire(&r->s, -3, N_("advice to residents: \"%s\""), t[i].form);
	if (is(t[i].form, "nanti") && (j = has(d, i + 1, i + 4, C_RESOLVED)) != -1 &&
	    has(d, 0, d->n, C_NEG | C_CUE) == -1)	/* "nanti juga jernih sendiri" */
		fire(&r->s, -3, N_("it will pass: \"%s\""), t[j].form);
	if (is(t[i].form, "nyata") && has_form(d, i - 6, i, "bukan"))
		/* "bukan maling, ternyata kucing" */
		fire(&r->s, -3, N_("a false alarm: \"%s\""), "ternyata");
	if (is(t[i].form, "untung") && i + 1 < d->n && (t[i + 1].cls & (C_NEG | C_SUDAH)))
		/* "untung tidak kenapa2", "untung sudah nyala" */
		fire(&r->s, -3, N_("relief: \"%s\""), t[i].form);
	if (i < 2 && (is(t[i].form, "kata") || is(t[i].form, "dengar") || is(t[i].form, "konon") ||
	    is(t[i].form, "berita") || is(t[i].form, "isu") || is(t[i].form, "gosip")))
		/* "katanya ...", "dengar2 ...", "berita pagi ini: ..." */
		fire(&r->s, -3, N_("hearsay or news: \"%s\""), t[i].form);
	if ((j = office_word(d, i)) != -1)	/* "kata dinas lingkungan aman" */
		fire(&r->s, -3, N_("an office explains: \"%s\""), t[j].form);
	if (is(t[i].form, "cara") && (i == 0 || is(t[i - 1].form, "bagaimana")))
		/* "gimana caranya ...?", "cara cek sisa token: ..." */
		fire(&r->s, -3, N_("a question among residents: \"%s\""), t[i].form);
	if (i < 2 && (is(t[i].form, "mari") || is(t[i].form, "ayo") || is(t[i].form, "yuk")) &&
	    i + 1 < d->n && (is(t[i + 1].form, "kita") || (t[i + 1].cls & C_PUBLIC) ||
	    is(t[i + 1].form, "bapak")))	/* not "ayo pak diperhatikan" */
		fire(&r->s, -4, N_("calls on residents: \"%s\""), t[i].form);
	if (i == 0 && d->n > 2 && (is(t[0].form, "buat") || is(t[0].form, "untuk") ||
	    is(t[0].form, "bagi")) && is(t[1].form, "yang") && !r->announce++)
		fire(&r->s, -3, N_("to residents who: \"%s\""), t[1].form);	/* "buat yang ..." */
	if (i == 0 && (j = residents_who(d)) > 0 && !(t[j - 1].cls & C_GREET) && !r->announce++)
		fire(&r->s, -3, N_("to residents who: \"%s\""), t[j].form);
	if (is(t[i].form, "maaf") && ((j = has(d, i + 1, i + 4, C_IF)) != -1 ||
	    (i + 2 < d->n && is(t[j = i + 1].form, "bapak") && is(t[i + 2].form, "ibu")) ||
	    (i + 1 < d->n && is(t[j = i + 1].form, "atas")) ||
	    (i + 2 < d->n && is(t[j = i + 2].form, "atas"))))
		fire(&r->s, -3, N_("an apology: \"maaf %s\""), t[j].form);
	if ((t[i].cls & C_KAMI) && ((i > 0 && (t[i - 1].cls & C_SUDAH)) ||
	    (i + 1 < d->n && (t[i + 1].cls & C_SUDAH))) &&
	    (j = has(d, i + 1, i + 3, C_REPORT | C_STAFFVERB)) != -1 &&
	    has(d, j + 1, d->n, C_CONTRAST | C_NEG) == -1)	/* "sudah kami laporkan ke PLN" */
		fire(&r->s, -5, N_("a reply from an office: \"kami %s\""), t[j].form);
	if (i > 0 && i + 1 < d->n && is(t[i].form, "yang") && (t[i + 1].cls & C_WANT) &&
	    has(d, i + 2, d->n, C_ABLE) != -1 && has(d, 0, d->n, C_NEG) == -1 && !r->announce++)
		/* "pedagang kaki lima yang mau pindah ... bisa mendaftar" */
		fire(&r->s, -3, N_("to residents who: \"%s\""), t[i + 1].form);
	if (i == 0 && d->n > 1 && is(t[0].form, "yang") && (t[1].cls & C_WANT) && !r->announce++)
		fire(&r->s, -3, N_("to residents who: \"%s\""), t[1].form);	/* "yang mau menyumbang" */
	if (i < 2 && is(t[i].form, "bagaimana") && i + 2 < d->n && is(t[i + 1].form, "kabar") &&
	    (is(t[i + 2].form, "pak") || is(t[i + 2].form, "bu") || is(t[i + 2].form, "bapak") ||
	    is(t[i + 2].form, "ibu")))	/* "gimana kabar pak RT?", not "kabar laporan" */
		fire(&r->s, -3, N_("greeting \"%s\""), "kabar");
	if (i + 2 < d->n && is(t[i].form, "ada") && is(t[i + 1].form, "yang") && !r->around &&
	    (is(t[i + 2].form, "tahu") || is(t[i + 2].form, "tau") || is(t[i + 2].form, "kenal") ||
	    (i == 0 && (is(t[2].form, "mau") || is(t[2].form, "bisa") ||
	    is(t[2].form, "punya")))) && !(i > 0 && (t[i - 1].cls & (C_NEG | C_IF))))
		r->around = i + 2;	/* "ada yang tahu ...?", "..., ada yg tau dokter ...?" */
	if (((t[i].cls & C_CREW) && i + 1 < d->n && (t[i + 1].cls & C_KAMI)) ||
	    ((t[i].cls & C_KAMI) && i + 1 < d->n && ((t[i + 1].cls & C_CREW) ||
	    (is(t[i + 1].form, "dari") && has(d, i + 2, i + 4, C_CREW | C_OFFICE) != -1))))
		/* "kami dari tim teknis PDAM", "kami tim DLH" */
		fire(&r->s, -3, N_("an office speaks: \"%s\""), t[i].form);
	if ((t[i].cls & C_REPORT) && i + 2 < d->n && (t[i + 1].cls & C_SUDAH) &&
	    (t[i + 2].cls & (C_HAVE | C_STAFFVERB)) && has(d, i + 3, d->n, C_CONTRAST | C_NEG) == -1)
		fire(&r->s, -5, N_("a reply from an office: \"%s\""), t[i + 2].form);
	if (i > 0 && (setting(t[i - 1].form) || is(t[i - 1].form, "lewat") ||
	    is(t[i - 1].form, "ke") || is(t[i - 1].form, "arah")) && elsewhere(d, t[i].form) &&
	    has(d, 0, d->n, C_REQUEST) == -1)	/* "lewat Samarinda, macetnya parah" */
		fire(&r->s, -3, N_("elsewhere: \"%s\""), t[i].form);
	if (i < 2 && (is(t[i].form, "lihat") || is(t[i].form, "liat") || is(t[i].form, "nonton") ||
	    is(t[i].form, "viral")))
		for (j = i + 1; j < i + 4 && j < d->n; j++)
			if (is(t[j].form, "video") || is(t[j].form, "berita") ||
			    is(t[j].form, "foto")) {
				fire(&r->s, -4, N_("news passed on: \"%s\""), t[j].form);
				break;
			}
}

/* Whether the writer speaks of their own: "saya", "kami". */
static int
mine(const struct aduan_decider *d)
{
	int i;

	for (i = 0; i < d->n; i++)
		if (is(d->tok[i].form, "saya") || (d->tok[i].cls & C_KAMI))
			return 1;
	return 0;
}

/* Whether what word i names is denied or blamed soon after ("posyandu
 * di RT kami ga pernah dapat PMT", "undangan vaksin tidak sampai",
 * "jadwalnya sering batal"), not "tanpa biaya". */
static int
denied_after(const struct aduan_decider *d, int i)
{
	int j = has(d, i + 1, i + 6, C_NEG);

	return (j != -1 && !is(d->tok[j].form, "tanpa")) ||
	    has(d, i + 1, i + 3, C_TONE) != -1;	/* "jadwalnya sering batal" */
}

/* Word i: a notice of what is ahead: a date ("besok ...", "nanti sore ada
 * ...", "hari Rabu", "mulai bulan depan"), what residents are to bring
 * ("siapkan jeriken"). */
static void
notice_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;

	if ((is(t[i].form, "besok") || (is(t[i].form, "nanti") && i + 1 < d->n &&
	    (t[i + 1].cls & C_DAYTIME))) && (i < 2 || (i < 4 && group_addressed(d, i)) ||
	    has(d, 0, d->n, C_NEG | C_CUE | C_TONE | C_CONTRAST | C_REQUEST) == -1) &&
	    !r->announce++)	/* "besok ...", "nanti sore ada ...", "buka lebih pagi besok" */
		fire(&r->s, -3, N_("announcement \"%s\""), t[i].form);
	if (is(t[i].form, "hari") && i + 1 < d->n && weekday(t[i + 1].form) &&
	    !(i > 0 && ((t[i - 1].cls & (C_SINCE | C_TONE | C_WHEN)) || is(t[i - 1].form, "sampa") ||
	    is(t[i - 1].form, "sampai"))) &&
	    has(d, 0, d->n, C_NEG | C_CUE | C_PADAHAL | C_CONTRAST) == -1 && !r->announce++)
		/* "pemeriksaan jentik ... hari Rabu": a date ahead, not "sejak hari Senin" */
		fire(&r->s, -3, N_("announcement \"%s\""), t[i + 1].form);
	if (is(t[i].form, "depan") && i > 0 && (t[i - 1].cls & C_UNIT) &&
	    has(d, 0, d->n, C_NEG | C_CUE | C_TONE | C_CONTRAST | C_PADAHAL) == -1 && !r->announce++)
		/* "naik mulai bulan depan": a date ahead */
		fire(&r->s, -3, N_("announcement \"%s\""), t[i].form);
	if ((is(t[i].form, "siap") || is(t[i].form, "sedia")) && i > 2 && !t[i].passive &&
	    has(d, 0, d->n, C_NEG | C_CUE | C_TONE | C_CONTRAST | C_PADAHAL) == -1)
		/* "..., siapkan jeriken": an office's notice tells residents what to bring */
		fire(&r->s, -3, N_("asks residents: \"%s\""), t[i].form);
}

/* Word i: announcements, requests to residents, condolences, adverts,
 * greetings, an office's reply, talk among residents. */
static void
chatter_rules(const struct aduan_decider *d, struct reading *r, int i)
{
	const struct tok *t = d->tok;
	unsigned long long c = t[i].cls;
	int j;

	if ((c & C_ANNOUNCE) && has(d, i - 2, i, C_NEG) == -1 &&
	    !(i > 0 && is(t[i - 1].form, "kata")) &&	/* "katanya rapat" */
	    has(d, i - 3, i, C_PADAHAL) == -1 &&	/* "padahal jadwalnya sampai jam 3" */
	    !(i > 0 && (j = has(d, i + 1, i + 6, C_NEG)) != -1 && !is(t[j].form, "tanpa") &&
	    !(j + 1 < d->n && (t[j + 1].cls & C_ABLE))) &&	/* "bansos tahap 3 belum masuk" */
	    !(t[i].passive && is(t[i].form, "larang") && has_form(d, i + 1, i + 6, "oleh")) &&
	    !(i > 0 && i + 1 < d->n && (t[i + 1].cls & C_PROBLEM) && !is(t[i].form, "larang") &&
	    !is(t[i].form, "fogging") && !is(t[i].form, "razia")) &&	/* "fogging DBD" */
	    !r->announce++)	/* weaker inside a complaint ("pulang dari pengajian") or
				 * as where it happens ("di acara nikahan tetangga") */
		fire(&r->s, (i > 2 && r->last_problem != -1) || (i > 0 && setting(t[i - 1].form)) ||
		    denied_after(d, i) ? -2 : -5, N_("announcement \"%s\""), t[i].form);
	if ((c & C_INFO) && !(i > 0 && (t[i - 1].cls & C_NEG)) &&	/* "tanpa info" */
	    !(i > 1 && (t[i - 1].cls & C_HAVE) && (t[i - 2].cls & C_NEG)))
		fire(&r->s, -2, N_("information \"%s\""), t[i].form);
	notice_rules(d, r, i);
	if ((c & C_PLANNED) && !r->planned++)
		fire(&r->s, -5, N_("work announced: \"%s\""), t[i].form);
	if ((is(t[i].form, "undur") || is(t[i].form, "mundur") || is(t[i].form, "tunda")) &&
	    has(d, i - 3, i + 3, C_NEG | C_TONE) == -1 && !r->postponed++)
		/* an office tells of a delay: "pengangkutan diundur ke hari Kamis" */
		fire(&r->s, -4, N_("postponed: \"%s\""), t[i].form);
	if (is(t[i].form, "sedang") && (j = has(d, i + 1, i + 3, C_PROBLEM | C_STATE)) != -1 &&
	    has(d, 0, d->n, C_CUE | C_TONE) == -1)
		/* "truk sampah sedang rusak", "server sedang gangguan": why, for now */
		fire(&r->s, -2, N_("an explanation: \"sedang %s\""), t[j].form);
	if ((c & C_WARN) && !r->warned++)	/* opening with it: a warning, whatever it names */
		fire(&r->s, i == 0 ? -6 : -4, N_("a warning to residents: \"%s\""), t[i].form);
	if ((c & C_HARAP) && has(d, i - 2, i + 3, C_PUBLIC) != -1 && !r->announce++)
		fire(&r->s, -5, N_("announcement \"%s\""), t[i].form);
	if ((c & C_JANGAN) && i + 1 < d->n && !(t[i + 1].cls & C_NEG) &&
	    !is(t[i + 1].form, "sampa") && !is(t[i + 1].form, "sampai"))
		fire(&r->s, i == 0 ? -6 : -4, N_("asks residents: \"jangan %s\""),
		    t[i + 1].form);	/* opening with it: a warning, whatever risk it names */
	if ((c & C_CONDOLENCE) && !(i > 0 && (is(t[i - 1].form, "yang") ||
	    is(t[i - 1].form, "catat"))) &&	/* "masih tercatat meninggal" */
	    has(d, i - 2, i, C_MONEY | C_TOPIC) == -1)	/* "uang pensiun almarhum suami" */
		fire(&r->s, -8, N_("condolence \"%s\""), t[i].form);	/* not "warga yang meninggal" */
	if (((c & C_SCAM) || ((c & C_SOFTSCAM) && i < 3 && has(d, 0, i, C_TOPIC) == -1)) &&
	    !(i > 0 && (t[i - 1].cls & C_WHO)) &&	/* not "wifi gratis di taman ... mati" */
	    !((c & C_SCAM) && (r->last_problem != -1 || (has(d, i + 1, d->n, C_PROBLEM) != -1 &&
	    mine(d))))) /* "ada penipuan, uang di rekening hilang", "pinjol neror saya" */
		fire(&r->s, -4, N_("advert or scam \"%s\""), t[i].form);
	if (c & C_LINK)
		r->link = 1;
	if (c & C_MAPS)
		r->maps = 1;
	if (((c & C_GREET) && !(c & C_DAYTIME) && !is(t[i].form, "selamat")) ||
	    (is(t[i].form, "selamat") && i + 1 < d->n &&
	    (t[i + 1].cls & C_DAYTIME)))
		fire(&r->s, -1, N_("greeting \"%s\""), t[i].form);
	if ((c & C_KAMI) && (j = office_reply(d, i)) != -1)
		fire(&r->s, -5, N_("a reply from an office: \"kami %s\""), t[j].form);
	if ((c & C_ASK) && has(d, 0, d->n, C_REPORT) == -1 &&
	    has(d, i + 1, i + 4, C_CUE | C_TONE) == -1)
		fire(&r->s, -2, N_("a question among residents: \"%s\""), t[i].form);
	if (t[i].number == -1)
		r->joke = 1;
}

/* Laughing faces (😂 🤣 😅): with praise and a public thing, sarcasm. */
static int
laughs(const char *text, size_t len)
{
	static const char *const faces[] = {
		"\xf0\x9f\x98\x82", "\xf0\x9f\xa4\xa3", "\xf0\x9f\x98\x85"
	};
	const char *p = text, *end = text + len;
	size_t k;

	while ((p = memchr(p, '\xf0', (size_t)(end - p))) != NULL && end - p >= 4) {
		for (k = 0; k < sizeof(faces) / sizeof(faces[0]); k++)
			if (memcmp(p, faces[k], 4) == 0)
				return 1;
		p++;
	}
	return 0;
}

/* The rules over the whole message (text, len bytes): a follow-up,
 * thanks, sarcasm. */
static void
message_rules(const struct aduan_decider *d, struct reading *r, const char *text, size_t len,
    struct aduan_verdict *v)
{
	const struct tok *t = d->tok;
	int fixed, i;
	int figure = r->metaphor && r->like && r->topic;
	int bad = r->last_problem > r->last_state ? r->last_problem : r->last_state;

	if (r->now != -1 && r->last_problem < r->now && r->resolved == -1)
		r->resolved = r->now;	/* "dulu rusak, sekarang mulus" */
	fixed = r->resolved != -1 &&	/* "sudah ngalir tapi cuma netes" */
	    !(r->contrast > r->resolved && bad > r->contrast);
	if (r->report && r->cue && !fixed) {
		v->followup = 1;
		fire(&r->s, 4, N_("asks after a report: \"%s\""), "lapor");
	}
	if (r->wait != -1 && (r->cue || r->duration || r->report) && !fixed)
		fire(&r->s, 3, N_("still waiting: \"%s\""), t[r->wait].form);
	if (r->progress != -1 && r->resolved == -1)
		fire(&r->s, -4, N_("being fixed: \"%s\""), t[r->progress].form);
	if (r->thanks != -1) {
		int again = r->contrast > r->thanks && bad > r->contrast;

		if (r->resolved != -1 && !again)
			fire(&r->s, -7, N_("thanks for a fix: \"%s\""), t[r->resolved].form);
		else if (!again && (figure || (r->duration && r->topic &&
		    has(d, 0, d->n, C_RESOLVED | C_FUNC) == -1)))
			/* "terima kasih, jalannya mirip sungai", "makasih PDAM,
			 * sudah seminggu kami mandi pakai air isi ulang" */
			fire(&r->s, 3, N_("sarcasm \"%s\""), t[r->thanks].form);
		else if (!again && r->nproblem == 0)
			fire(&r->s, -2, N_("thanks \"%s\""), t[r->thanks].form);
	} else if (r->resolved != -1 && !(r->contrast > r->resolved && bad > r->contrast))
		fire(&r->s, r->nproblem > 1 ? -6 : -4, N_("works again: \"%s\""), t[r->resolved].form);
	/* (the text read for laughing faces last, in the few messages of
	 * praise, not in every message) */
	if (r->praise && r->resolved == -1 && (r->nproblem > 0 || r->last_problem != -1 ||
	    (r->metaphor && (r->topic || r->like)) ||
	    (r->topic && (r->joke || laughs(text, len)))))
		fire(&r->s, 3, N_("sarcasm \"%s\""), r->metaphor ? "kolam" : "mantap");
	else if (r->metaphor && r->like && r->topic)
		fire(&r->s, 3, N_("a comparison: \"%s\""), "kayak kolam");
	else if (r->joke && (r->nproblem <= 1 || d->tok[0].number == -1))
		fire(&r->s, -2, N_("a joke: \"%s\""), "wkwk");	/* or opening with laughter */
	if ((i = has(d, 0, 3, C_PAST)) != -1 && r->now == -1 && !r->report && r->wait == -1)
		/* "dulu waktu saya kecil ...", "dulu gorong2 sering mampet, ..." */
		fire(&r->s, -3, N_("a story of the past: \"%s\""), t[i].form);
	if (r->around && r->nproblem <= 1)	/* "ada yang tahu SPBU yang antrinya pendek?" */
		fire(&r->s, -3, N_("a question among residents: \"%s\""), t[r->around].form);
	if (r->link && !r->maps)
		fire(&r->s, -3, N_("advert or scam \"%s\""), "http");
}

/* Near the line (a sum of 0 to 5), what the words of earlier labelled
 * messages say, at most 3 points either way, named by its weightiest
 * word; counted only when it turns the decision, so that the rules'
 * reason stands when they decide, and never to take a message a rule of
 * 3 points or more read as chatter ("katanya ...", "postponed"): words
 * that often come with complaints do not undo who speaks and how. */
static void
words_rule(struct aduan_decider *d, struct reading *r)
{
	int i, w, total, best = -1, bestw = 0, points;

	if (r->s.sum < 0 || r->s.sum > 5)
		return;
	if (++d->stamp == 0)
		d->stamp = 1;
	total = aduan_bayes_prior(d->bayes);
	for (i = 0; i < d->n; i++) {
		w = aduan_bayes_weight_at(d->bayes, d->tok[i].model, d->stamp);
		total += w;
		if (best == -1 || abs(w) > abs(bestw))
			best = i, bestw = w;
	}
	points = (total + (total >= 0 ? 5 : -5)) / 10;
	points = points > 3 ? 3 : points < -3 ? -3 : points;
	if ((r->s.sum >= 3) == (r->s.sum + points >= 3))
		return;
	for (i = 0; points > 0 && i < r->s.n; i++)
		if (r->s.f[i].weight <= -3)
			return;
	if (points > 0)
		fire(&r->s, points, N_("like earlier complaints: \"%s\""), d->tok[best].form);
	else if (points < 0)
		fire(&r->s, points, N_("like earlier chatter: \"%s\""), d->tok[best].form);
}

#define SHAPES 6	/* the most shape features of a message */

/* Whether text has letters, at least eight, and none in lower case. */
static int
capitals_only(const char *text, size_t len)
{
	size_t i, upper = 0;

	for (i = 0; i < len; i++)
		if (text[i] >= 'a' && text[i] <= 'z')
			return 0;
		else if (text[i] >= 'A' && text[i] <= 'Z')
			upper++;
	return upper >= 8;
}

/* The names of the message's shape for the logistic model (bayes.h):
 * the rules' sum, its length, a question mark, a greeting first, a
 * number, capitals only. */
static int
shape(const struct aduan_decider *d, const struct reading *r, const char *text, size_t len,
    const char **name)
{
	static const char *const sums[] = {
		"sum -6", "sum -5", "sum -4", "sum -3", "sum -2", "sum -1", "sum 0", "sum 1",
		"sum 2", "sum 3", "sum 4", "sum 5", "sum 6", "sum 7", "sum 8"
	};
	int n = 0, sum = r->s.sum < -6 ? -6 : r->s.sum > 8 ? 8 : r->s.sum;

	name[n++] = sums[sum + 6];
	name[n++] = d->n <= 2 ? "words 1-2" : d->n <= 5 ? "words 3-5" : d->n <= 12 ?
	    "words 6-12" : d->n <= 30 ? "words 13-30" : "words 31+";
	if (memchr(text, '?', len) != NULL)
		name[n++] = "question";
	if (d->tok[0].cls & C_GREET)
		name[n++] = "greeting first";
	if (d->number)
		name[n++] = "number";
	if (capitals_only(text, len))
		name[n++] = "capitals only";
	return n;
}

/* Whether word i names a town (towns[]), which the logistic model does
 * not weigh: whether a town is the office's own or elsewhere is told by
 * the rules (elsewhere), not by which towns the labelled sets name. */
static int
town(const struct aduan_decider *d, int i)
{
	return (d->tok[i].compared & K_TOWN) != 0;	/* (read from the lexicon with the word) */
}

/* A shape's feature kind: its length ("words 3-5") or another. */
#define SHAPE_KIND(name) ((name)[0] == 'w' ? ADUAN_FEAT_LENGTH : ADUAN_FEAT_SHAPE)

/* The rule's feature kind: for a complaint or against. */
#define RULE_KIND(f) ((f).weight > 0 ? ADUAN_FEAT_FOR : ADUAN_FEAT_AGAINST)

/* Teach d->learning the message's features (bayes.h), as logit_rule
 * reads them: forms hashed here, as the model to learn knows none. */
static void
learn_features(struct aduan_decider *d, const struct reading *r, const char *text, size_t len)
{
	enum { MAX = 24 + 2 * ADUAN_DECIDE_WORDS + SHAPES };
	unsigned key[MAX], prev = 0, h;
	int kind[MAX], n = 0, i;
	const char *name[MAX];
	char pair[ADUAN_DECIDE_WORDS][2 * (WORD + 1)];

	n = shape(d, r, text, len, name);
	for (i = 0; i < n; i++) {
		kind[i] = SHAPE_KIND(name[i]);
		key[i] = aduan_bayes_key(kind[i], name[i]);
	}
	for (i = 0; i < r->s.n; i++, n++) {
		kind[n] = RULE_KIND(r->s.f[i]);
		name[n] = r->s.f[i].label;
		key[n] = aduan_bayes_key(kind[n], name[n]);
	}
	for (i = 0; i < d->n; i++) {
		if (d->tok[i].number == 1 || town(d, i)) {
			prev = 0;	/* an RT, a price, a town: no word, no pair across it */
			continue;
		}
		h = aduan_bayes_form_hash(d->tok[i].form);
		kind[n] = ADUAN_FEAT_WORD;
		name[n] = d->tok[i].form;
		key[n++] = aduan_bayes_word_key(h);
		if (prev != 0) {
			snprintf(pair[i], sizeof(pair[i]), "%s %s", d->tok[i - 1].form, d->tok[i].form);
			kind[n] = ADUAN_FEAT_PAIR;
			name[n] = pair[i];
			key[n++] = aduan_bayes_pair_key(prev, h);
		}
		prev = h;
	}
	aduan_bayes_learn_features(d->learning, key, kind, name, n, d->learning_complaint);
}

/* Name the words that weighed most on the winning side (tw: each word's
 * weight with its pair before it), as one feature of the reason, when no
 * rule that fired weighed on that side. */
static void
name_words(struct aduan_decider *d, struct reading *r, const int *tw, int take)
{
	size_t size;
	char *note = aduan_bayes_note(d->bayes, &size);
	int k, i, best, sum = 0, used[3] = { -1, -1, -1 }, len = 0;

	for (i = 0; i < d->n; i++)
		if (take ? tw[i] > 0 : tw[i] < 0)
			sum += tw[i];
	note[0] = '\0';
	for (k = 0; k < 3; k++) {
		for (i = 0, best = -1; i < d->n; i++)
			if ((take ? tw[i] > 0 : tw[i] < 0) && i != used[0] && i != used[1] &&
			    (best == -1 || abs(tw[i]) > abs(tw[best])))
				best = i;
		if (best == -1)
			break;
		used[k] = best;
		len += snprintf(note + len, size - (size_t)len, "%s\"%s\"", k > 0 ? ", " : "",
		    d->tok[best].form);
		if (len >= (int)size)
			break;
	}
	for (i = 0; i < r->s.n; i++)
		if (take ? r->s.f[i].weight > 0 : r->s.f[i].weight < 0)
			return;	/* the rules on the winning side are the reason */
	if (sum == 0 || r->s.n == (int)(sizeof(r->s.f) / sizeof(r->s.f[0])))
		return;
	r->s.f[r->s.n].weight = sum;
	r->s.f[r->s.n].label = take ? N_("words of earlier complaints: %s") :
	    N_("words of earlier chatter: %s");
	r->s.f[r->s.n++].word = note;
}

/* The weight of each rule that fired in the logistic model, for the
 * reason: its label's own (named[i], when the model weighs labels) and
 * its share, by its hand-set weight, of what the rules' sum weighed
 * (sumw), shared among the rules on the side sumw weighs for. */
static void
weigh_rules(struct reading *r, int sumw, const int *named)
{
	int i, hand = 0;

	for (i = 0; i < r->s.n; i++)
		if ((r->s.f[i].weight > 0) == (sumw > 0))
			hand += r->s.f[i].weight;
	for (i = 0; i < r->s.n; i++) {
		int w = named[i];

		if ((r->s.f[i].weight > 0) == (sumw > 0) && hand != 0)
			w += sumw * r->s.f[i].weight / hand;
		r->s.f[i].weight = w;
	}
}

/* The logistic model decides (bayes.h): its log-odds, in hundredths,
 * over the message's features; the rules' weights become what each
 * weighed in it, for the reason, and the sum 3 more than the log-odds
 * rounded down, so that a complaint is still a sum of 3 or more. */
static void
logit_rule(struct aduan_decider *d, struct reading *r, const char *text, size_t len)
{
	enum { MAX = SHAPES + sizeof(r->s.f) / sizeof(r->s.f[0]) };
	struct aduan_bayes *b = d->bayes;
	const char *name[MAX];
	int tw[ADUAN_DECIDE_WORDS], z = aduan_bayes_prior(b), kind[MAX], w[MAX], n, i;

	if (++d->stamp == 0)
		d->stamp = 1;
	/* the shapes, then the rules that fired, each once */
	n = shape(d, r, text, len, name);
	for (i = 0; i < n; i++)
		kind[i] = SHAPE_KIND(name[i]);
	for (i = 0; i < r->s.n; i++) {
		kind[n + i] = RULE_KIND(r->s.f[i]);
		name[n + i] = r->s.f[i].label;
	}
	z += aduan_bayes_named_all(b, kind, name, n + r->s.n, w, d->stamp);
	/* (numbers and towns, never learnt, are not in it: no word, no pair
	 * across them, as learn_features reads them) */
	z += aduan_bayes_words_pairs(b, d->place, d->n, tw, d->stamp);
	r->s.sum = 3 + (z >= 0 ? z / 100 : -((99 - z) / 100));
	if (d->explain) {	/* (what each rule and word weighed is for the reason alone) */
		weigh_rules(r, w[0], w + n);	/* (w[0]: the rules' sum) */
		name_words(d, r, tw, z >= 0);
	}
}

/* What earlier labelled messages say: learnt from (aduan_decider_learn),
 * or deciding with the words' model near the line or with the logistic
 * model in place of the rules' sum (bayes.h). */
static void
learned_rule(struct aduan_decider *d, struct reading *r, const char *text, size_t len)
{
	if (d->learning != NULL)
		learn_features(d, r, text, len);
	else if (d->bayes == NULL)
		return;
	else if (aduan_bayes_kind(d->bayes) == ADUAN_BAYES_LOGIT)
		logit_rule(d, r, text, len);
	else
		words_rule(d, r);
}

void
aduan_decider_use(struct aduan_decider *d, struct aduan_bayes *b)
{
	aduan_bayes_free(d->bayes);
	d->bayes = b;
	forget_words(d);	/* their places in the model */
}

static int decide_words(struct aduan_decider *d, const char *text, size_t len, int media,
    struct aduan_verdict *v);

void
aduan_decider_learn(struct aduan_decider *d, struct aduan_bayes *b, const char *text, size_t len,
    int complaint)
{
	const char *forms[ADUAN_DECIDE_WORDS];
	struct aduan_verdict v;
	int i;

	if (aduan_bayes_kind(b) == ADUAN_BAYES_LOGIT) {	/* the rules' features too */
		d->learning = b;
		d->learning_complaint = complaint;
		decide_words(d, text, len, 0, &v);
		d->learning = NULL;
		return;
	}
	d->n = 0;
	read_words(d, text, len);
	for (i = 0; i < d->n; i++)
		forms[i] = d->tok[i].form;
	aduan_bayes_learn(b, forms, d->n, complaint);
	if (b == d->bayes)	/* the words' places in it may have changed */
		forget_words(d);
}

/* The place of x's lowest bit that is set (x != 0). */
static inline int
lowest_bit(unsigned x)
{
#ifdef __GNUC__
	return __builtin_ctz(x);
#else
	int k = 0;

	for (; !(x & 1); x >>= 1)
		k++;
	return k;
#endif
}

/* The verdict on text read word by word (aduan_decide without the cache).
 * The rule functions are written apart for the reader; the compiler is
 * asked to put them all in here, where they run for every word. */
#ifdef __GNUC__
__attribute__((flatten))
#endif
static int
decide_words(struct aduan_decider *d, const char *text, size_t len, int media,
    struct aduan_verdict *v)
{
	static void (*const rules[])(const struct aduan_decider *, struct reading *, int) = {
		asking_rules, state_rules, absence_rules, time_rules, turn_rules, deed_rules,
		chatter_rules, voice_rules	/* in the order of starts[] */
	};
	struct reading r;
	int i;
	unsigned every = d->every_word ? R_ALL : 0;	/* (for tests) */

	v->take = v->score = v->followup = 0;
	v->why[0] = '\0';	/* (written whole only when it is explained) */
	/* all but the features, which r.s.n counts */
	memset(&r.s.n, 0, sizeof(r) - offsetof(struct reading, s.n));
	r.thanks = r.resolved = r.contrast = r.last_problem = r.wait = r.progress = -1;
	r.residents = r.past = r.now = r.last_state = r.office = -1;
	d->n = 0;
	read_words(d, text, len);
	if (d->n == 0) {
		if (d->explain)
			snprintf(v->why, sizeof(v->why), "%s", media ? _("media only") :
			    len > 0 ? _("no words (emoji or signs only)") : _("empty"));
		return 0;
	}
	for (i = 0; i < d->n; i++) {
		/* only what can start from it (starts[]); a neighbour still */
		unsigned run = d->tok[i].starts | (i == 0 ? d->tok[0].first : 0) | every;

		for (; run != 0; run &= run - 1)	/* in order, by their lowest bit */
			rules[lowest_bit(run)](d, &r, i);
	}
	message_rules(d, &r, text, len, v);
	learned_rule(d, &r, text, len);
	v->score = r.s.sum;
	v->take = r.s.sum >= 3;
	if (d->explain)
		explain(&r.s, v->take, v->why, sizeof(v->why));
	return v->take;
}

/* aduan_decide of a message not remembered, which is then, in slot; out
 * of line, so that a message remembered saves no registers. */
static __attribute__((noinline)) int
decide_remember(struct aduan_decider *d, const char *text, size_t len, int media,
    struct aduan_verdict *v, size_t slot)
{
	struct said *m;

	if (d->said == NULL) {	/* (calloc: a block this large comes zeroed, not written) */
		if ((d->said = calloc(SAID, sizeof(*d->said))) == NULL)
			abort();
		d->said_why = aduan_xmalloc(SAID * sizeof(*d->said_why));
	}
	decide_words(d, text, len, media, v);
	m = &d->said[slot];
	m->len = (unsigned char)(len + 1);
	m->media = !!media;
	m->explain = !!d->explain;
	m->take = (unsigned char)v->take;
	m->score = v->score;
	m->followup = v->followup;
	memcpy(m->text, text, len);
	if (d->explain)
		memcpy(d->said_why[slot], v->why, sizeof(v->why));
	return v->take;
}

int
aduan_decide(struct aduan_decider *d, const char *text, size_t len, int media,
    struct aduan_verdict *v)
{
	struct said *m;
	size_t slot;

	if (len >= d->said_under)
		return decide_words(d, text, len, media, v);
	slot = bytes_hash(text, len, len) & (SAID - 1);
	if (d->said == NULL)	/* (the first message) */
		return decide_remember(d, text, len, media, v, slot);
	m = &d->said[slot];
	if (m->len == len + 1 && m->media == !!media && m->explain == !!d->explain &&
	    aduan_same_bytes(m->text, text, len)) {
		v->take = m->take;
		v->score = m->score;
		v->followup = m->followup;
		if (d->explain)
			memcpy(v->why, d->said_why[slot], strlen(d->said_why[slot]) + 1);
		else
			v->why[0] = '\0';
		return v->take;
	}
	return decide_remember(d, text, len, media, v, slot);
}
