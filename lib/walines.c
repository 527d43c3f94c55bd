/*
 * walines.c - the lines WhatsApp writes into an export, as data.
 *
 * One row a string: language, class, how it is compared, text.  Android
 * and iPhone wordings of one language sit side by side; where the two
 * phones write the same words there is one row.  Trailing full stops are
 * left out of WL_EXACT rows (the comparison takes the line with and
 * without one).  Sources, and which rows are reconstructions rather
 * than strings seen in real exports: doc/whatsapp-lines.md.
 */
#include <assert.h>
#include <string.h>
#include <strings.h>

#include "util.h"
#include "walines.h"

/* A language's rows: "CLASS HOW: TEXT\n" each, CLASS and HOW the words
 * of class_words and how_words below; TEXT runs to the end of the row,
 * spaces included. */
struct wl_lang {
	const char *lang;
	const char *rows;
};

static const char *const class_words[] = {
	"system", "notice", "call", "media", "deleted", "location", "live", "poll", "edited",
	"attached", "tag", "quoting"
};
static const char *const how_words[] = { "exact", "prefix", "suffix", "phrase" };

static const struct wl_lang langs[] = {
	/* ---- Indonesian ---------------------------------------------------- */
	{ "id",
	    "notice prefix: Pesan dan panggilan terenkripsi\n"
	    "notice prefix: Pesan dan telepon terenkripsi\n"
	    "notice prefix: Pesan yang dikirim ke grup ini kini diamankan\n"
	    "notice prefix: Pesan yang Anda kirim ke grup ini kini diamankan\n"
	    "notice prefix: Pesan yang dikirim ke chat ini\n"
	    "notice prefix: Kode keamanan Anda dengan\n"
	    "system phrase: membuat grup\n"
	    "system phrase: menambahkan \n"
	    "system phrase: ditambahkan\n"
	    "system phrase: mengeluarkan \n"
	    "system phrase:  keluar\n"
	    "system phrase: bergabung menggunakan tautan undangan grup ini\n"
	    "system phrase: bergabung dari komunitas\n"
	    "system phrase: meminta untuk bergabung\n"
	    "system phrase: mengubah subjek\n"
	    "system phrase: mengganti subjek\n"
	    "system phrase: mengubah nama grup\n"
	    "system phrase: ikon grup\n"
	    "system phrase: foto grup\n"
	    "system phrase: deskripsi grup\n"
	    "system phrase: setelan grup\n"
	    "system phrase: sekarang admin\n"
	    "system phrase: bukan admin lagi\n"
	    "system phrase: menyematkan pesan\n"
	    "system phrase: pesan sementara\n"
	    "system phrase: timer pesan\n"
	    "system phrase: Kode keamanan\n"
	    "system phrase: nomor telepon\n"
	    "system phrase: telah diganti ke\n"
	    "system phrase: ke komunitas\n"
	    "system phrase: grup pengumuman\n"
	    "quoting phrase: membuat grup\n"
	    "quoting phrase: mengubah subjek\n"
	    "quoting phrase: mengganti subjek\n"
	    "quoting phrase: mengubah nama grup\n"
	    "quoting phrase: mengganti nama grup\n"
	    "quoting phrase: mengubah nama komunitas\n"
	    "call prefix: Panggilan suara tak terjawab\n"
	    "call prefix: Panggilan video tak terjawab\n"
	    "call prefix: Panggilan suara grup tak terjawab\n"
	    "call prefix: Panggilan video grup tak terjawab\n"
	    "call exact: Panggilan suara\n"
	    "call exact: Panggilan video\n"
	    "call prefix: Panggilan suara, \n"
	    "call prefix: Panggilan video, \n"
	    "media exact: <Media tidak disertakan>\n"
	    "media exact: gambar tidak disertakan\n"
	    "media exact: video tidak disertakan\n"
	    "media exact: audio tidak disertakan\n"
	    "media exact: stiker tidak disertakan\n"
	    "media exact: GIF tidak disertakan\n"
	    "media exact: Kartu kontak tidak disertakan\n"
	    "media exact: foto sekali lihat tidak disertakan\n"
	    "media exact: video sekali lihat tidak disertakan\n"
	    "media suffix: dokumen tidak disertakan\n"
	    "deleted exact: Pesan ini telah dihapus\n"
	    "deleted exact: Pesan ini dihapus\n"
	    "deleted exact: Anda menghapus pesan ini\n"
	    "deleted exact: Anda telah menghapus pesan ini\n"
	    "deleted prefix: Pesan ini dihapus oleh admin\n"
	    "location prefix: lokasi: \n"
	    "live prefix: Lokasi terkini dibagikan\n"
	    "live prefix: Lokasi terkini berakhir\n"
	    "poll prefix: POLLING:\n"
	    "edited suffix: <Pesan ini diedit>\n"
	    "attached suffix:  (file terlampir)\n"
	    "tag prefix: <terlampir:\n" },
	/* ---- English ------------------------------------------------------- */
	{ "en",
	    "notice prefix: Messages and calls are end-to-end encrypted\n"
	    "notice prefix: Messages to this group are now secured\n"
	    "notice prefix: Messages you send to this group are now secured\n"
	    "notice prefix: Messages to this chat and calls are now secured\n"
	    "notice prefix: Your security code with\n"
	    "system phrase: created group\n"
	    "system phrase: created this group\n"
	    "system phrase:  added \n"
	    "system phrase: added you\n"
	    "system phrase: were added\n"
	    "system phrase: was added\n"
	    "system phrase:  removed \n"
	    "system phrase:  left\n"
	    "system phrase: joined using this group's invite link\n"
	    "system phrase: joined using this group\xe2\x80\x99s invite link\n"
	    "system phrase: joined from the community\n"
	    "system phrase: requested to join\n"
	    "system phrase: changed the subject\n"
	    "system phrase: changed the group\n"
	    "system phrase: changed this group\n"
	    "system phrase: deleted this group\n"
	    "system phrase: changed the settings\n"
	    "system phrase: now an admin\n"
	    "system phrase: no longer an admin\n"
	    "system phrase: pinned a message\n"
	    "system phrase: disappearing messages\n"
	    "system phrase: message timer\n"
	    "system phrase: security code\n"
	    "system phrase: changed their phone number\n"
	    "system phrase: changed to +\n"
	    "system phrase: to the community\n"
	    "system phrase: announcement group\n"
	    "system phrase: end-to-end\n"
	    "quoting phrase: created group\n"
	    "quoting phrase: changed the subject\n"
	    "quoting phrase: changed the group name\n"
	    "quoting phrase: changed this group's name\n"
	    "quoting phrase: changed this group\xe2\x80\x99s name\n"
	    "call prefix: Missed voice call\n"
	    "call prefix: Missed video call\n"
	    "call prefix: Missed group voice call\n"
	    "call prefix: Missed group video call\n"
	    "call prefix: Silenced voice call\n"
	    "call prefix: Silenced video call\n"
	    "call exact: Voice call\n"
	    "call exact: Video call\n"
	    "call prefix: Voice call, \n"
	    "call prefix: Video call, \n"
	    "call prefix: Group voice call\n"
	    "call prefix: Group video call\n"
	    "media exact: <Media omitted>\n"
	    "media exact: null\n"
	    "media exact: image omitted\n"
	    "media exact: video omitted\n"
	    "media exact: audio omitted\n"
	    "media exact: sticker omitted\n"
	    "media exact: GIF omitted\n"
	    "media exact: Contact card omitted\n"
	    "media exact: <View once message omitted>\n"
	    "media exact: view once image omitted\n"
	    "media exact: view once video omitted\n"
	    "media suffix: document omitted\n"
	    "deleted exact: This message was deleted\n"
	    "deleted exact: You deleted this message\n"
	    "deleted prefix: This message was deleted by admin\n"
	    "location prefix: location: \n"
	    "live prefix: Live location shared\n"
	    "live prefix: Live location ended\n"
	    "poll prefix: POLL:\n"
	    "edited suffix: <This message was edited>\n"
	    "attached suffix:  (file attached)\n"
	    "tag prefix: <attached:\n"
	    "tag prefix: < attached:\n" },
	/* ---- Malay --------------------------------------------------------- */
	{ "ms",
	    "notice prefix: Mesej dan panggilan disulitkan hujung ke hujung\n"
	    "notice prefix: Kod keselamatan anda dengan\n"
	    "system phrase: mencipta kumpulan\n"
	    "system phrase: menambah \n"
	    "system phrase: telah ditambah\n"
	    "system phrase: menyingkirkan \n"
	    "system phrase:  keluar\n"
	    "system phrase: menyertai menggunakan pautan jemputan kumpulan ini\n"
	    "system phrase: menukar subjek\n"
	    "system phrase: ikon kumpulan\n"
	    "system phrase: perihalan kumpulan\n"
	    "system phrase: tetapan kumpulan\n"
	    "system phrase: kini pentadbir\n"
	    "system phrase: bukan lagi pentadbir\n"
	    "system phrase: menyemat mesej\n"
	    "system phrase: mesej hilang\n"
	    "system phrase: Kod keselamatan\n"
	    "system phrase: nombor telefon\n"
	    "system phrase: kepada komuniti\n"
	    "quoting phrase: mencipta kumpulan\n"
	    "quoting phrase: menukar subjek\n"
	    "call prefix: Panggilan suara terlepas\n"
	    "call prefix: Panggilan video terlepas\n"
	    "media exact: <Media dikecualikan>\n"
	    "media exact: imej dikecualikan\n"
	    "media exact: video dikecualikan\n"
	    "media exact: audio dikecualikan\n"
	    "media exact: pelekat dikecualikan\n"
	    "media exact: GIF dikecualikan\n"
	    "media exact: Kad kenalan dikecualikan\n"
	    "media suffix: dokumen dikecualikan\n"
	    "deleted exact: Mesej ini telah dipadam\n"
	    "deleted exact: Anda telah memadam mesej ini\n"
	    "deleted exact: Anda memadam mesej ini\n"
	    "live prefix: Lokasi langsung dikongsi\n"
	    "poll prefix: UNDIAN:\n"
	    "edited suffix: <Mesej ini telah disunting>\n"
	    "attached suffix:  (fail dilampirkan)\n"
	    "tag prefix: <dilampirkan:\n" },
	/* ---- German -------------------------------------------------------- */
	{ "de",
	    "notice prefix: Nachrichten und Anrufe sind Ende-zu-Ende-verschl\xc3\xbcsselt\n"
	    "notice prefix: Deine Sicherheitsnummer f\xc3\xbcr\n"
	    "system phrase: hat die Gruppe\n"
	    "system phrase: hinzugef\xc3\xbcgt\n"
	    "system phrase:  entfernt\n"
	    "system phrase: Einladungslink\n"
	    "system phrase: beigetreten\n"
	    "system phrase: Betreff\n"
	    "system phrase: Gruppenbild\n"
	    "system phrase: Gruppenbeschreibung\n"
	    "system phrase: Gruppeneinstellungen\n"
	    "system phrase: jetzt Admin\n"
	    "system phrase: kein Admin mehr\n"
	    "system phrase: angeheftet\n"
	    "system phrase: selbstl\xc3\xb6schende Nachrichten\n"
	    "system phrase: Sicherheitsnummer\n"
	    "system phrase: Telefonnummer\n"
	    "system phrase: Community\n"
	    "quoting phrase: hat die Gruppe\n"
	    "quoting phrase: hat den Betreff\n"
	    "call prefix: Verpasster Sprachanruf\n"
	    "call prefix: Verpasster Videoanruf\n"
	    "call exact: Sprachanruf\n"
	    "call exact: Videoanruf\n"
	    "call prefix: Sprachanruf, \n"
	    "call prefix: Videoanruf, \n"
	    "media exact: <Medien ausgeschlossen>\n"
	    "media exact: <Media weggelassen>\n"
	    "media exact: Bild weggelassen\n"
	    "media exact: Video weggelassen\n"
	    "media exact: Audio weggelassen\n"
	    "media exact: Sticker weggelassen\n"
	    "media exact: GIF weggelassen\n"
	    "media exact: Kontaktkarte ausgelassen\n"
	    "media suffix: Dokument weggelassen\n"
	    "deleted exact: Diese Nachricht wurde gel\xc3\xb6scht\n"
	    "deleted exact: Du hast diese Nachricht gel\xc3\xb6scht\n"
	    "location prefix: Standort: \n"
	    "live prefix: Live-Standort geteilt\n"
	    "poll prefix: UMFRAGE:\n"
	    "edited suffix: <Diese Nachricht wurde bearbeitet>\n"
	    "attached suffix:  (Datei angeh\xc3\xa4ngt)\n"
	    "tag prefix: <Anhang:\n" },
	/* ---- Spanish ------------------------------------------------------- */
	{ "es",
	    "notice prefix: Los mensajes y las llamadas est\xc3\xa1n cifrados de extremo a extremo\n"
	    "notice prefix: Los mensajes y llamadas est\xc3\xa1n cifrados de extremo a extremo\n"
	    "system phrase: cre\xc3\xb3 el grupo\n"
	    "system phrase: a\xc3\xb1" "adi\xc3\xb3\n"
	    "system phrase: te a\xc3\xb1" "adi\xc3\xb3\n"
	    "system phrase: elimin\xc3\xb3 a \n"
	    "system phrase: sali\xc3\xb3\n"
	    "system phrase: se uni\xc3\xb3\n"
	    "system phrase: cambi\xc3\xb3 el asunto\n"
	    "system phrase: cambi\xc3\xb3 el nombre\n"
	    "system phrase: la imagen del grupo\n"
	    "system phrase: la descripci\xc3\xb3n del grupo\n"
	    "system phrase: los ajustes del grupo\n"
	    "system phrase: ahora es admin\n"
	    "system phrase: Ahora eres admin\n"
	    "system phrase: ya no es admin\n"
	    "system phrase: fij\xc3\xb3 un mensaje\n"
	    "system phrase: mensajes temporales\n"
	    "system phrase: c\xc3\xb3" "digo de seguridad\n"
	    "system phrase: cambi\xc3\xb3 su n\xc3\xbamero\n"
	    "system phrase: comunidad\n"
	    "quoting phrase: cre\xc3\xb3 el grupo\n"
	    "quoting phrase: cambi\xc3\xb3 el asunto\n"
	    "call prefix: Llamada perdida\n"
	    "call prefix: Llamada de voz perdida\n"
	    "call prefix: Videollamada perdida\n"
	    "call exact: Llamada de voz\n"
	    "call exact: Videollamada\n"
	    "call prefix: Llamada de voz, \n"
	    "call prefix: Videollamada, \n"
	    "media exact: <Multimedia omitido>\n"
	    "media exact: imagen omitida\n"
	    "media exact: Video omitido\n"
	    "media exact: audio omitido\n"
	    "media exact: sticker omitido\n"
	    "media exact: GIF omitido\n"
	    "media exact: Tarjeta de contacto omitida\n"
	    "media suffix: documento omitido\n"
	    "deleted exact: Se elimin\xc3\xb3 este mensaje\n"
	    "deleted exact: Eliminaste este mensaje\n"
	    "deleted exact: Este mensaje fue eliminado\n"
	    "location prefix: Ubicaci\xc3\xb3n: \n"
	    "live prefix: Ubicaci\xc3\xb3n en tiempo real compartida\n"
	    "poll prefix: ENCUESTA:\n"
	    "edited suffix: <Se edit\xc3\xb3 este mensaje.>\n"
	    "attached suffix:  (archivo adjunto)\n"
	    "tag prefix: <adjunto:\n" },
	/* ---- Portuguese (Brazil and Portugal) ------------------------------ */
	{ "pt",
	    "notice prefix: As mensagens e as chamadas s\xc3\xa3o protegidas com a criptografia de ponta a ponta\n"
	    "notice prefix: As mensagens e chamadas s\xc3\xa3o encriptadas ponto a ponto\n"
	    "system phrase: criou o grupo\n"
	    "system phrase: adicionou\n"
	    "system phrase: removeu\n"
	    "system phrase: saiu\n"
	    "system phrase: entrou usando o link de convite\n"
	    "system phrase: mudou o assunto\n"
	    "system phrase: mudou o nome\n"
	    "system phrase: a imagem do grupo\n"
	    "system phrase: a descri\xc3\xa7\xc3\xa3o do grupo\n"
	    "system phrase: as configura\xc3\xa7\xc3\xb5" "es do grupo\n"
	    "system phrase: agora \xc3\xa9 admin\n"
	    "system phrase: n\xc3\xa3o \xc3\xa9 mais admin\n"
	    "system phrase: fixou uma mensagem\n"
	    "system phrase: mensagens tempor\xc3\xa1rias\n"
	    "system phrase: c\xc3\xb3" "digo de seguran\xc3\xa7" "a\n"
	    "system phrase: mudou seu n\xc3\xbamero\n"
	    "system phrase: comunidade\n"
	    "quoting phrase: criou o grupo\n"
	    "quoting phrase: mudou o assunto\n"
	    "quoting phrase: mudou o nome\n"
	    "call prefix: Chamada de voz perdida\n"
	    "call prefix: Chamada de v\xc3\xad" "deo perdida\n"
	    "call exact: Chamada de voz\n"
	    "call exact: Chamada de v\xc3\xad" "deo\n"
	    "call prefix: Chamada de voz, \n"
	    "call prefix: Chamada de v\xc3\xad" "deo, \n"
	    "media exact: <M\xc3\xad" "dia oculta>\n"
	    "media exact: <Ficheiro multim\xc3\xa9" "dia omitido>\n"
	    "media exact: imagem ocultada\n"
	    "media exact: v\xc3\xad" "deo omitido\n"
	    "media exact: \xc3\xa1udio ocultado\n"
	    "media exact: figurinha omitida\n"
	    "media exact: GIF omitido\n"
	    "media exact: cart\xc3\xa3o do contato omitido\n"
	    "media exact: imagem n\xc3\xa3o revelada\n"
	    "media exact: v\xc3\xad" "deo n\xc3\xa3o revelado\n"
	    "media exact: ficheiro de \xc3\xa1udio n\xc3\xa3o revelado\n"
	    "media exact: sticker n\xc3\xa3o revelado\n"
	    "media exact: GIF n\xc3\xa3o revelada\n"
	    "media exact: Contacto n\xc3\xa3o revelado\n"
	    "media suffix: documento omitido\n"
	    "media suffix: documento n\xc3\xa3o revelado\n"
	    "deleted exact: Esta mensagem foi apagada\n"
	    "deleted exact: Mensagem apagada\n"
	    "deleted exact: Voc\xc3\xaa apagou esta mensagem\n"
	    "deleted exact: Apagou esta mensagem\n"
	    "location prefix: Localiza\xc3\xa7\xc3\xa3o: \n"
	    "live prefix: Localiza\xc3\xa7\xc3\xa3o em tempo real compartilhada\n"
	    "poll prefix: ENQUETE:\n"
	    "poll prefix: SONDAGEM:\n"
	    "edited suffix: <Mensagem editada>\n"
	    "attached suffix:  (arquivo anexado)\n"
	    "attached suffix:  (ficheiro anexado)\n"
	    "tag prefix: <anexado:\n" },
	/* ---- French -------------------------------------------------------- */
	{ "fr",
	    "notice prefix: Les messages et les appels sont chiffr\xc3\xa9s de bout en bout\n"
	    "system phrase: a cr\xc3\xa9\xc3\xa9 le groupe\n"
	    "system phrase: a ajout\xc3\xa9\n"
	    "system phrase: vous a ajout\xc3\xa9\n"
	    "system phrase: a retir\xc3\xa9\n"
	    "system phrase: est parti\n"
	    "system phrase: lien d\xe2\x80\x99invitation\n"
	    "system phrase: lien d'invitation\n"
	    "system phrase: le sujet\n"
	    "system phrase: ic\xc3\xb4ne du groupe\n"
	    "system phrase: description du groupe\n"
	    "system phrase: param\xc3\xa8tres du groupe\n"
	    "system phrase: maintenant admin\n"
	    "system phrase: n'est plus admin\n"
	    "system phrase: \xc3\xa9pingl\xc3\xa9 un message\n"
	    "system phrase: messages \xc3\xa9ph\xc3\xa9m\xc3\xa8res\n"
	    "system phrase: code de s\xc3\xa9" "curit\xc3\xa9\n"
	    "system phrase: chang\xc3\xa9 de num\xc3\xa9ro\n"
	    "system phrase: communaut\xc3\xa9\n"
	    "quoting phrase: a cr\xc3\xa9\xc3\xa9 le groupe\n"
	    "quoting phrase: le sujet\n"
	    "call prefix: Appel vocal manqu\xc3\xa9\n"
	    "call prefix: Appel vid\xc3\xa9o manqu\xc3\xa9\n"
	    "call exact: Appel vocal\n"
	    "call exact: Appel vid\xc3\xa9o\n"
	    "call prefix: Appel vocal, \n"
	    "call prefix: Appel vid\xc3\xa9o, \n"
	    "media exact: <M\xc3\xa9" "dias omis>\n"
	    "media exact: image absente\n"
	    "media exact: vid\xc3\xa9o absente\n"
	    "media exact: audio omis\n"
	    "media exact: sticker omis\n"
	    "media exact: GIF retir\xc3\xa9\n"
	    "media exact: Fiche contact manquante\n"
	    "media suffix: document manquant\n"
	    "deleted exact: Ce message a \xc3\xa9t\xc3\xa9 supprim\xc3\xa9\n"
	    "deleted exact: Vous avez supprim\xc3\xa9 ce message\n"
	    "location prefix: Localisation: \n"
	    "location prefix: Position : \n"
	    "live prefix: Position en direct partag\xc3\xa9" "e\n"
	    "poll prefix: SONDAGE :\n"
	    "poll prefix: SONDAGE:\n"
	    "edited suffix: <Ce message a \xc3\xa9t\xc3\xa9 modifi\xc3\xa9>\n"
	    "attached suffix:  (fichier joint)\n"
	    "tag prefix: <pi\xc3\xa8" "ce jointe :\n"
	    "tag prefix: <pi\xc3\xa8" "ce jointe:\n" },
	/* ---- Dutch --------------------------------------------------------- */
	{ "nl",
	    "notice prefix: Berichten en gesprekken worden end-to-end versleuteld\n"
	    "system phrase: heeft groep\n"
	    "system phrase: aangemaakt\n"
	    "system phrase: toegevoegd\n"
	    "system phrase:  verwijderd\n"
	    "system phrase: de groep verlaten\n"
	    "system phrase: uitnodigingslink\n"
	    "system phrase: onderwerp\n"
	    "system phrase: groepsafbeelding\n"
	    "system phrase: groepsbeschrijving\n"
	    "system phrase: groepsinstellingen\n"
	    "system phrase: beheerder\n"
	    "system phrase: vastgezet\n"
	    "system phrase: verdwijnende berichten\n"
	    "system phrase: beveiligingscode\n"
	    "system phrase: telefoonnummer\n"
	    "system phrase: community\n"
	    "quoting phrase: heeft groep\n"
	    "quoting phrase: onderwerp\n"
	    "call prefix: Gemiste spraakoproep\n"
	    "call prefix: Gemiste video-oproep\n"
	    "call exact: Spraakoproep\n"
	    "call exact: Video-oproep\n"
	    "call prefix: Spraakoproep, \n"
	    "call prefix: Video-oproep, \n"
	    "media exact: <Media weggelaten>\n"
	    "media exact: afbeelding weggelaten\n"
	    "media exact: video weggelaten\n"
	    "media exact: audio weggelaten\n"
	    "media exact: sticker weggelaten\n"
	    "media exact: GIF weggelaten\n"
	    "media exact: Contactkaart weggelaten\n"
	    "media suffix: document weggelaten\n"
	    "deleted exact: Dit bericht is verwijderd\n"
	    "deleted exact: Je hebt dit bericht verwijderd\n"
	    "deleted exact: U heeft dit bericht verwijderd\n"
	    "location prefix: Locatie: \n"
	    "live prefix: Live locatie gedeeld\n"
	    "poll prefix: PEILING:\n"
	    "edited suffix: <Dit bericht is bewerkt>\n"
	    "attached suffix:  (bestand bijgevoegd)\n"
	    "tag prefix: <bijgevoegd:\n" },
	/* ---- Italian ------------------------------------------------------- */
	{ "it",
	    "notice prefix: I messaggi e le chiamate sono crittografati end-to-end\n"
	    "system phrase: ha creato il gruppo\n"
	    "system phrase: ha aggiunto\n"
	    "system phrase: ti ha aggiunto\n"
	    "system phrase: ha rimosso\n"
	    "system phrase: \xc3\xa8 uscito\n"
	    "system phrase: link d'invito\n"
	    "system phrase: link di invito\n"
	    "system phrase: l'oggetto\n"
	    "system phrase: immagine del gruppo\n"
	    "system phrase: descrizione del gruppo\n"
	    "system phrase: impostazioni del gruppo\n"
	    "system phrase: amministratore\n"
	    "system phrase: fissato un messaggio\n"
	    "system phrase: messaggi effimeri\n"
	    "system phrase: codice di sicurezza\n"
	    "system phrase: cambiato numero\n"
	    "system phrase: community\n"
	    "quoting phrase: ha creato il gruppo\n"
	    "quoting phrase: l'oggetto\n"
	    "call prefix: Chiamata vocale persa\n"
	    "call prefix: Videochiamata persa\n"
	    "call exact: Chiamata vocale\n"
	    "call exact: Videochiamata\n"
	    "call prefix: Chiamata vocale, \n"
	    "call prefix: Videochiamata, \n"
	    "media exact: <Media omessi>\n"
	    "media exact: immagine omessa\n"
	    "media exact: video omesso\n"
	    "media exact: audio omesso\n"
	    "media exact: sticker non incluso\n"
	    "media exact: GIF esclusa\n"
	    "media exact: Scheda contatto omessa\n"
	    "media suffix: documento omesso\n"
	    "deleted exact: Questo messaggio \xc3\xa8 stato eliminato\n"
	    "deleted exact: Hai eliminato questo messaggio\n"
	    "location prefix: Posizione: \n"
	    "live prefix: Posizione in tempo reale condivisa\n"
	    "poll prefix: SONDAGGIO:\n"
	    "edited suffix: <Questo messaggio \xc3\xa8 stato modificato>\n"
	    "attached suffix:  (file allegato)\n"
	    "tag prefix: <allegato:\n" },
	/* ---- Turkish ------------------------------------------------------- */
	{ "tr",
	    "notice prefix: Mesajlar ve aramalar u\xc3\xa7tan uca \xc5\x9fifrelidir\n"
	    "system phrase: grubunu olu\xc5\x9fturdu\n"
	    "system phrase: ekledi\n"
	    "system phrase: \xc3\xa7\xc4\xb1kard\xc4\xb1\n"
	    "system phrase: ayr\xc4\xb1ld\xc4\xb1\n"
	    "system phrase: davet ba\xc4\x9flant\xc4\xb1s\xc4\xb1\n"
	    "system phrase: konuyu\n"
	    "system phrase: grup simgesini\n"
	    "system phrase: grup a\xc3\xa7\xc4\xb1klamas\xc4\xb1n\xc4\xb1\n"
	    "system phrase: grup ayarlar\xc4\xb1n\xc4\xb1\n"
	    "system phrase: y\xc3\xb6netici\n"
	    "system phrase: sabitledi\n"
	    "system phrase: s\xc3\xbcreli mesajlar\n"
	    "system phrase: g\xc3\xbcvenlik kodu\n"
	    "system phrase: telefon numaras\xc4\xb1n\xc4\xb1\n"
	    "system phrase: topluluk\n"
	    "call prefix: Cevaps\xc4\xb1z sesli arama\n"
	    "call prefix: Cevaps\xc4\xb1z g\xc3\xb6r\xc3\xbcnt\xc3\xbcl\xc3\xbc arama\n"
	    "call exact: Sesli arama\n"
	    "call exact: G\xc3\xb6r\xc3\xbcnt\xc3\xbcl\xc3\xbc arama\n"
	    "call prefix: Sesli arama, \n"
	    "call prefix: G\xc3\xb6r\xc3\xbcnt\xc3\xbcl\xc3\xbc arama, \n"
	    "media exact: <Medya dahil edilmedi>\n"
	    "media exact: g\xc3\xb6r\xc3\xbcnt\xc3\xbc dahil edilmedi\n"
	    "media exact: video dahil edilmedi\n"
	    "media exact: ses dahil edilmedi\n"
	    "media exact: \xc3\x87\xc4\xb1kartma dahil edilmedi\n"
	    "media exact: GIF dahil edilmedi\n"
	    "media exact: Ki\xc5\x9fi kart\xc4\xb1 dahil edilmedi\n"
	    "media suffix: belge dahil edilmedi\n"
	    "deleted exact: Bu mesaj silindi\n"
	    "deleted exact: Bu mesaj\xc4\xb1 sildiniz\n"
	    "location prefix: Konum: \n"
	    "live prefix: Canl\xc4\xb1 konum payla\xc5\x9f\xc4\xb1ld\xc4\xb1\n"
	    "poll prefix: ANKET:\n"
	    "edited suffix: <Bu mesaj d\xc3\xbczenlendi>\n"
	    "attached suffix:  (dosya ekli)\n"
	    "tag prefix: <ek:\n" },
};

#define TABLE_MAX 1024		/* rows at most */
#define TEXT_MAX 32768		/* bytes of their texts at most */

/* The rows as entries, their texts NUL-terminated in text: built once. */
static struct wl_entry table[TABLE_MAX];
static char text[TEXT_MAX];
static size_t ntable;

/* Entries of each kind of comparison, grouped by their key byte (folded
 * first byte; last byte for WL_SUFFIX): built once, on first use. */
static unsigned short order[WL_NHOW][TABLE_MAX];
static unsigned short tlen[TABLE_MAX];
static unsigned short start[WL_NHOW][257];
static int indexed;

/*
 * A filter in front of the groups: most lines are typed text that no
 * entry matches, and a call of strncasecmp for each entry that shares
 * the line's key byte was a tenth of the parser's time.  An entry's
 * classes are noted under its key byte and the two bytes next to it
 * (the second and third; the two before the last for WL_SUFFIX), hashed;
 * an entry shorter than that, or with a byte there that is not ASCII,
 * is noted under its key byte alone (wild).  A line whose bytes there
 * are ASCII and whose notes hold none of the classes asked for matches
 * no entry (strncasecmp never finds two ASCII bytes equal that differ
 * by more than the case of a letter).  The notes of a slot for each way
 * of comparing sit side by side: WL_EXACT and WL_PREFIX, looked up in
 * the same slot for every line, share a cache line (a third of the
 * filter's cache misses went).
 */
#define PAIRS 2048
static unsigned short pairs[PAIRS][WL_NHOW];
static unsigned short wild[256][WL_NHOW];

/*
 * And for WL_EXACT, the classes of the entries of each length (the last
 * slot holds every length from LENS - 1 up): a line matches only an
 * entry as long as itself, or one byte shorter when it ends with ".".
 * exact_len[1] holds, for each length, the classes of that length and
 * the one before, for a line ending with "." (so that a quarter of the
 * lines, which do, cost no mispredicted branch: one look either way).
 */
#define LENS 256
static unsigned short exact_len[2][LENS + 1];

/* The index of the word w[0..n) in words, or -1. */
static int
word_of(const char *const *words, size_t nwords, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < nwords; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return (int)i;
	return -1;
}

/* The languages' rows into table and text. */
static void
read_rows(void)
{
	size_t i, used = 0;

	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		const char *p = langs[i].rows, *sp, *colon, *nl;

		for (; *p != '\0'; p = nl + 1) {
			struct wl_entry *e = &table[ntable++];
			int c, h;

			sp = strchr(p, ' ');
			colon = strstr(p, ": ");
			nl = strchr(p, '\n');
			assert(ntable <= TABLE_MAX && sp != NULL && colon != NULL && nl != NULL && colon < nl);
			c = word_of(class_words, sizeof(class_words) / sizeof(class_words[0]), p,
			    (size_t)(sp - p));
			h = word_of(how_words, sizeof(how_words) / sizeof(how_words[0]), sp + 1,
			    (size_t)(colon - sp - 1));
			assert(c >= 0 && h >= 0 && used + (size_t)(nl - colon) <= TEXT_MAX);
			e->lang = langs[i].lang;
			e->cls = (enum wl_class)c;
			e->how = (enum wl_how)h;
			e->text = text + used;
			memcpy(text + used, colon + 2, (size_t)(nl - colon - 2));
			used += (size_t)(nl - colon - 2);
			text[used++] = '\0';
		}
	}
}

static int
key_byte(const struct wl_entry *e)
{
	size_t n = strlen(e->text);

	return aduan_lower_ascii((unsigned char)(e->how == WL_SUFFIX ? e->text[n - 1] : e->text[0]));
}

/* The slot of key byte c and the two bytes at s in the filter, or -1
 * when one of them is not ASCII. */
static inline int
pair_of(int c, const char *s)
{
	unsigned char a = (unsigned char)s[0], b = (unsigned char)s[1];

	if ((a | b) & 0x80)
		return -1;
	/* | 0x20 folds the case of a letter (and some other bytes together) */
	return (int)(((unsigned)c * 961 + (unsigned)(a | 0x20) * 31 + (unsigned)(b | 0x20)) % PAIRS);
}

/* Where the bytes next to the key byte stand in s[0..n) (how). */
static const char *
next_bytes(const char *s, size_t n, enum wl_how how)
{
	return how == WL_SUFFIX ? s + n - 3 : s + 1;
}

/* Note entry e (key byte c) in the filter. */
static void
note_pair(const struct wl_entry *e, int c)
{
	size_t n = strlen(e->text);
	int slot = n < 3 ? -1 : pair_of(c, next_bytes(e->text, n, e->how));

	if (slot < 0)
		wild[c][e->how] |= (unsigned short)WL_BIT(e->cls);
	else
		pairs[slot][e->how] |= (unsigned short)WL_BIT(e->cls);
}

/* The classes of the entries of length n or, when s[0..n) ends with
 * ".", n - 1. */
static inline unsigned
exact_lengths(const char *s, size_t n)
{
	return exact_len[s[n - 1] == '.'][n < LENS ? n : LENS];
}

/* The classes of the entries compared with how that s[0..n) (n > 0) may
 * match, by its key byte c: no entry of another class matches it. */
static inline unsigned
may_match(const char *s, size_t n, enum wl_how how, int c)
{
	int slot = n < 3 ? -1 : pair_of(c, next_bytes(s, n, how));
	unsigned m = slot < 0 ? ~0u : (unsigned)(wild[c][how] | pairs[slot][how]);

	return how == WL_EXACT ? m & exact_lengths(s, n) : m;
}

static void
build(void)
{
	unsigned short next[WL_NHOW][257];
	size_t i;
	int h, c;

	read_rows();
	/* the entries counted by way and key byte, then placed in table order */
	for (i = 0; i < ntable; i++) {
		tlen[i] = (unsigned short)strlen(table[i].text);
		c = table[i].how == WL_PHRASE ? 0 : key_byte(&table[i]);
		start[table[i].how][c + 1]++;
	}
	for (h = 0; h < WL_NHOW; h++)
		for (c = 1; c <= 256; c++)
			start[h][c] += start[h][c - 1];
	memcpy(next, start, sizeof(next));
	for (i = 0; i < ntable; i++) {
		h = table[i].how;
		c = h == WL_PHRASE ? 0 : key_byte(&table[i]);
		order[h][next[h][c]++] = (unsigned short)i;
		if (h != WL_PHRASE)
			note_pair(&table[i], c);
		if (h == WL_EXACT)
			exact_len[0][tlen[i] < LENS ? tlen[i] : LENS - 1] |= (unsigned short)WL_BIT(table[i].cls);
	}
	/* (slot LENS: a line of LENS bytes or more, whose length and the one
	 * before are both LENS - 1 or more) */
	exact_len[0][LENS] = exact_len[1][LENS] = exact_len[0][LENS - 1];
	exact_len[1][0] = exact_len[0][0];
	for (i = 1; i < LENS; i++)
		exact_len[1][i] = exact_len[0][i] | exact_len[0][i - 1];
	indexed = 1;
}

const struct wl_entry *
wl_table(size_t *n)
{
	if (!indexed)
		build();
	*n = ntable;
	return table;
}

const struct wl_entry *
wl_match(const char *s, size_t n, enum wl_how how, unsigned mask)
{
	const struct wl_entry *e;
	size_t k, len, n2;
	int c;

	if (n == 0)
		return NULL;
	if (!indexed)
		build();
	if (how == WL_PHRASE) {
		for (k = start[how][0]; k < start[how][256]; k++) {
			e = &table[order[how][k]];
			if ((mask & WL_BIT(e->cls)) && memmem(s, n, e->text, strlen(e->text)) != NULL)
				return e;
		}
		return NULL;
	}
	c = aduan_lower_ascii((unsigned char)(how == WL_SUFFIX ? s[n - 1] : s[0]));
	if (!(mask & may_match(s, n, how, c)))
		return NULL;
	n2 = how == WL_EXACT && s[n - 1] == '.' ? n - 1 : n;
	for (k = start[how][c]; k < start[how][c + 1]; k++) {
		e = &table[order[how][k]];
		if (!(mask & WL_BIT(e->cls)))
			continue;
		len = tlen[order[how][k]];
		if (how == WL_EXACT ? (len == n || len == n2) && strncasecmp(s, e->text, len) == 0 :
		    how == WL_PREFIX ? len <= n && strncasecmp(s, e->text, len) == 0 :
		    len <= n && strncasecmp(s + n - len, e->text, len) == 0)
			return e;
	}
	return NULL;
}

void
wl_may(const char *s, size_t n, unsigned may[WL_NHOW])
{
	int c, slot;

	if (n == 0) {
		memset(may, 0, WL_NHOW * sizeof(*may));
		return;
	}
	if (!indexed)
		build();
	/* WL_EXACT and WL_PREFIX share the key byte and the two after it */
	c = aduan_lower_ascii((unsigned char)s[0]);
	slot = n < 3 ? -1 : pair_of(c, next_bytes(s, n, WL_PREFIX));
	may[WL_EXACT] = slot < 0 ? ~0u : (unsigned)(wild[c][WL_EXACT] | pairs[slot][WL_EXACT]);
	may[WL_EXACT] &= exact_lengths(s, n);
	may[WL_PREFIX] = slot < 0 ? ~0u : (unsigned)(wild[c][WL_PREFIX] | pairs[slot][WL_PREFIX]);
	may[WL_SUFFIX] = may_match(s, n, WL_SUFFIX, aduan_lower_ascii((unsigned char)s[n - 1]));
	may[WL_PHRASE] = ~0u;
}
