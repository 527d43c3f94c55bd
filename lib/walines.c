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
#include <string.h>
#include <strings.h>

#include "walines.h"

#define E(l, c, h, t) { l, WLC_##c, WL_##h, t }

static const struct wl_entry table[] = {
	/* ---- Indonesian ------------------------------------------------ */
	E("id", NOTICE, PREFIX, "Pesan dan panggilan terenkripsi"),
	E("id", NOTICE, PREFIX, "Pesan dan telepon terenkripsi"),
	E("id", NOTICE, PREFIX, "Pesan yang dikirim ke grup ini kini diamankan"),
	E("id", NOTICE, PREFIX, "Pesan yang Anda kirim ke grup ini kini diamankan"),
	E("id", NOTICE, PREFIX, "Pesan yang dikirim ke chat ini"),
	E("id", NOTICE, PREFIX, "Kode keamanan Anda dengan"),
	E("id", SYSTEM, PHRASE, "membuat grup"),
	E("id", SYSTEM, PHRASE, "menambahkan "),
	E("id", SYSTEM, PHRASE, "ditambahkan"),
	E("id", SYSTEM, PHRASE, "mengeluarkan "),
	E("id", SYSTEM, PHRASE, " keluar"),
	E("id", SYSTEM, PHRASE, "bergabung menggunakan tautan undangan grup ini"),
	E("id", SYSTEM, PHRASE, "bergabung dari komunitas"),
	E("id", SYSTEM, PHRASE, "meminta untuk bergabung"),
	E("id", SYSTEM, PHRASE, "mengubah subjek"),
	E("id", SYSTEM, PHRASE, "mengganti subjek"),
	E("id", SYSTEM, PHRASE, "mengubah nama grup"),
	E("id", SYSTEM, PHRASE, "ikon grup"),
	E("id", SYSTEM, PHRASE, "foto grup"),
	E("id", SYSTEM, PHRASE, "deskripsi grup"),
	E("id", SYSTEM, PHRASE, "setelan grup"),
	E("id", SYSTEM, PHRASE, "sekarang admin"),
	E("id", SYSTEM, PHRASE, "bukan admin lagi"),
	E("id", SYSTEM, PHRASE, "menyematkan pesan"),
	E("id", SYSTEM, PHRASE, "pesan sementara"),
	E("id", SYSTEM, PHRASE, "timer pesan"),
	E("id", SYSTEM, PHRASE, "Kode keamanan"),
	E("id", SYSTEM, PHRASE, "nomor telepon"),
	E("id", SYSTEM, PHRASE, "telah diganti ke"),
	E("id", SYSTEM, PHRASE, "ke komunitas"),
	E("id", SYSTEM, PHRASE, "grup pengumuman"),
	E("id", QUOTING, PHRASE, "membuat grup"),
	E("id", QUOTING, PHRASE, "mengubah subjek"),
	E("id", QUOTING, PHRASE, "mengganti subjek"),
	E("id", QUOTING, PHRASE, "mengubah nama grup"),
	E("id", QUOTING, PHRASE, "mengganti nama grup"),
	E("id", QUOTING, PHRASE, "mengubah nama komunitas"),
	E("id", CALL, PREFIX, "Panggilan suara tak terjawab"),
	E("id", CALL, PREFIX, "Panggilan video tak terjawab"),
	E("id", CALL, PREFIX, "Panggilan suara grup tak terjawab"),
	E("id", CALL, PREFIX, "Panggilan video grup tak terjawab"),
	E("id", CALL, EXACT, "Panggilan suara"),
	E("id", CALL, EXACT, "Panggilan video"),
	E("id", CALL, PREFIX, "Panggilan suara, "),
	E("id", CALL, PREFIX, "Panggilan video, "),
	E("id", MEDIA, EXACT, "<Media tidak disertakan>"),
	E("id", MEDIA, EXACT, "gambar tidak disertakan"),
	E("id", MEDIA, EXACT, "video tidak disertakan"),
	E("id", MEDIA, EXACT, "audio tidak disertakan"),
	E("id", MEDIA, EXACT, "stiker tidak disertakan"),
	E("id", MEDIA, EXACT, "GIF tidak disertakan"),
	E("id", MEDIA, EXACT, "Kartu kontak tidak disertakan"),
	E("id", MEDIA, EXACT, "foto sekali lihat tidak disertakan"),
	E("id", MEDIA, EXACT, "video sekali lihat tidak disertakan"),
	E("id", MEDIA, SUFFIX, "dokumen tidak disertakan"),
	E("id", DELETED, EXACT, "Pesan ini telah dihapus"),
	E("id", DELETED, EXACT, "Pesan ini dihapus"),
	E("id", DELETED, EXACT, "Anda menghapus pesan ini"),
	E("id", DELETED, EXACT, "Anda telah menghapus pesan ini"),
	E("id", DELETED, PREFIX, "Pesan ini dihapus oleh admin"),
	E("id", LOCATION, PREFIX, "lokasi: "),
	E("id", LIVE, PREFIX, "Lokasi terkini dibagikan"),
	E("id", LIVE, PREFIX, "Lokasi terkini berakhir"),
	E("id", POLL, PREFIX, "POLLING:"),
	E("id", EDITED, SUFFIX, "<Pesan ini diedit>"),
	E("id", ATTACHED, SUFFIX, " (file terlampir)"),
	E("id", TAG, PREFIX, "<terlampir:"),

	/* ---- English --------------------------------------------------- */
	E("en", NOTICE, PREFIX, "Messages and calls are end-to-end encrypted"),
	E("en", NOTICE, PREFIX, "Messages to this group are now secured"),
	E("en", NOTICE, PREFIX, "Messages you send to this group are now secured"),
	E("en", NOTICE, PREFIX, "Messages to this chat and calls are now secured"),
	E("en", NOTICE, PREFIX, "Your security code with"),
	E("en", SYSTEM, PHRASE, "created group"),
	E("en", SYSTEM, PHRASE, "created this group"),
	E("en", SYSTEM, PHRASE, " added "),
	E("en", SYSTEM, PHRASE, "added you"),
	E("en", SYSTEM, PHRASE, "were added"),
	E("en", SYSTEM, PHRASE, "was added"),
	E("en", SYSTEM, PHRASE, " removed "),
	E("en", SYSTEM, PHRASE, " left"),
	E("en", SYSTEM, PHRASE, "joined using this group's invite link"),
	E("en", SYSTEM, PHRASE, "joined using this group\xe2\x80\x99s invite link"),
	E("en", SYSTEM, PHRASE, "joined from the community"),
	E("en", SYSTEM, PHRASE, "requested to join"),
	E("en", SYSTEM, PHRASE, "changed the subject"),
	E("en", SYSTEM, PHRASE, "changed the group"),
	E("en", SYSTEM, PHRASE, "changed this group"),
	E("en", SYSTEM, PHRASE, "deleted this group"),
	E("en", SYSTEM, PHRASE, "changed the settings"),
	E("en", SYSTEM, PHRASE, "now an admin"),
	E("en", SYSTEM, PHRASE, "no longer an admin"),
	E("en", SYSTEM, PHRASE, "pinned a message"),
	E("en", SYSTEM, PHRASE, "disappearing messages"),
	E("en", SYSTEM, PHRASE, "message timer"),
	E("en", SYSTEM, PHRASE, "security code"),
	E("en", SYSTEM, PHRASE, "changed their phone number"),
	E("en", SYSTEM, PHRASE, "changed to +"),
	E("en", SYSTEM, PHRASE, "to the community"),
	E("en", SYSTEM, PHRASE, "announcement group"),
	E("en", SYSTEM, PHRASE, "end-to-end"),
	E("en", QUOTING, PHRASE, "created group"),
	E("en", QUOTING, PHRASE, "changed the subject"),
	E("en", QUOTING, PHRASE, "changed the group name"),
	E("en", QUOTING, PHRASE, "changed this group's name"),
	E("en", QUOTING, PHRASE, "changed this group\xe2\x80\x99s name"),
	E("en", CALL, PREFIX, "Missed voice call"),
	E("en", CALL, PREFIX, "Missed video call"),
	E("en", CALL, PREFIX, "Missed group voice call"),
	E("en", CALL, PREFIX, "Missed group video call"),
	E("en", CALL, PREFIX, "Silenced voice call"),
	E("en", CALL, PREFIX, "Silenced video call"),
	E("en", CALL, EXACT, "Voice call"),
	E("en", CALL, EXACT, "Video call"),
	E("en", CALL, PREFIX, "Voice call, "),
	E("en", CALL, PREFIX, "Video call, "),
	E("en", CALL, PREFIX, "Group voice call"),
	E("en", CALL, PREFIX, "Group video call"),
	E("en", MEDIA, EXACT, "<Media omitted>"),
	E("en", MEDIA, EXACT, "null"),
	E("en", MEDIA, EXACT, "image omitted"),
	E("en", MEDIA, EXACT, "video omitted"),
	E("en", MEDIA, EXACT, "audio omitted"),
	E("en", MEDIA, EXACT, "sticker omitted"),
	E("en", MEDIA, EXACT, "GIF omitted"),
	E("en", MEDIA, EXACT, "Contact card omitted"),
	E("en", MEDIA, EXACT, "<View once message omitted>"),
	E("en", MEDIA, EXACT, "view once image omitted"),
	E("en", MEDIA, EXACT, "view once video omitted"),
	E("en", MEDIA, SUFFIX, "document omitted"),
	E("en", DELETED, EXACT, "This message was deleted"),
	E("en", DELETED, EXACT, "You deleted this message"),
	E("en", DELETED, PREFIX, "This message was deleted by admin"),
	E("en", LOCATION, PREFIX, "location: "),
	E("en", LIVE, PREFIX, "Live location shared"),
	E("en", LIVE, PREFIX, "Live location ended"),
	E("en", POLL, PREFIX, "POLL:"),
	E("en", EDITED, SUFFIX, "<This message was edited>"),
	E("en", ATTACHED, SUFFIX, " (file attached)"),
	E("en", TAG, PREFIX, "<attached:"),
	E("en", TAG, PREFIX, "< attached:"),

	/* ---- Malay ------------------------------------------------------ */
	E("ms", NOTICE, PREFIX, "Mesej dan panggilan disulitkan hujung ke hujung"),
	E("ms", NOTICE, PREFIX, "Kod keselamatan anda dengan"),
	E("ms", SYSTEM, PHRASE, "mencipta kumpulan"),
	E("ms", SYSTEM, PHRASE, "menambah "),
	E("ms", SYSTEM, PHRASE, "telah ditambah"),
	E("ms", SYSTEM, PHRASE, "menyingkirkan "),
	E("ms", SYSTEM, PHRASE, " keluar"),
	E("ms", SYSTEM, PHRASE, "menyertai menggunakan pautan jemputan kumpulan ini"),
	E("ms", SYSTEM, PHRASE, "menukar subjek"),
	E("ms", SYSTEM, PHRASE, "ikon kumpulan"),
	E("ms", SYSTEM, PHRASE, "perihalan kumpulan"),
	E("ms", SYSTEM, PHRASE, "tetapan kumpulan"),
	E("ms", SYSTEM, PHRASE, "kini pentadbir"),
	E("ms", SYSTEM, PHRASE, "bukan lagi pentadbir"),
	E("ms", SYSTEM, PHRASE, "menyemat mesej"),
	E("ms", SYSTEM, PHRASE, "mesej hilang"),
	E("ms", SYSTEM, PHRASE, "Kod keselamatan"),
	E("ms", SYSTEM, PHRASE, "nombor telefon"),
	E("ms", SYSTEM, PHRASE, "kepada komuniti"),
	E("ms", QUOTING, PHRASE, "mencipta kumpulan"),
	E("ms", QUOTING, PHRASE, "menukar subjek"),
	E("ms", CALL, PREFIX, "Panggilan suara terlepas"),
	E("ms", CALL, PREFIX, "Panggilan video terlepas"),
	E("ms", MEDIA, EXACT, "<Media dikecualikan>"),
	E("ms", MEDIA, EXACT, "imej dikecualikan"),
	E("ms", MEDIA, EXACT, "video dikecualikan"),
	E("ms", MEDIA, EXACT, "audio dikecualikan"),
	E("ms", MEDIA, EXACT, "pelekat dikecualikan"),
	E("ms", MEDIA, EXACT, "GIF dikecualikan"),
	E("ms", MEDIA, EXACT, "Kad kenalan dikecualikan"),
	E("ms", MEDIA, SUFFIX, "dokumen dikecualikan"),
	E("ms", DELETED, EXACT, "Mesej ini telah dipadam"),
	E("ms", DELETED, EXACT, "Anda telah memadam mesej ini"),
	E("ms", DELETED, EXACT, "Anda memadam mesej ini"),
	E("ms", LIVE, PREFIX, "Lokasi langsung dikongsi"),
	E("ms", POLL, PREFIX, "UNDIAN:"),
	E("ms", EDITED, SUFFIX, "<Mesej ini telah disunting>"),
	E("ms", ATTACHED, SUFFIX, " (fail dilampirkan)"),
	E("ms", TAG, PREFIX, "<dilampirkan:"),

	/* ---- German ------------------------------------------------------ */
	E("de", NOTICE, PREFIX, "Nachrichten und Anrufe sind Ende-zu-Ende-verschl\xc3\xbcsselt"),
	E("de", NOTICE, PREFIX, "Deine Sicherheitsnummer f\xc3\xbcr"),
	E("de", SYSTEM, PHRASE, "hat die Gruppe"),
	E("de", SYSTEM, PHRASE, "hinzugef\xc3\xbcgt"),
	E("de", SYSTEM, PHRASE, " entfernt"),
	E("de", SYSTEM, PHRASE, "Einladungslink"),
	E("de", SYSTEM, PHRASE, "beigetreten"),
	E("de", SYSTEM, PHRASE, "Betreff"),
	E("de", SYSTEM, PHRASE, "Gruppenbild"),
	E("de", SYSTEM, PHRASE, "Gruppenbeschreibung"),
	E("de", SYSTEM, PHRASE, "Gruppeneinstellungen"),
	E("de", SYSTEM, PHRASE, "jetzt Admin"),
	E("de", SYSTEM, PHRASE, "kein Admin mehr"),
	E("de", SYSTEM, PHRASE, "angeheftet"),
	E("de", SYSTEM, PHRASE, "selbstl\xc3\xb6schende Nachrichten"),
	E("de", SYSTEM, PHRASE, "Sicherheitsnummer"),
	E("de", SYSTEM, PHRASE, "Telefonnummer"),
	E("de", SYSTEM, PHRASE, "Community"),
	E("de", QUOTING, PHRASE, "hat die Gruppe"),
	E("de", QUOTING, PHRASE, "hat den Betreff"),
	E("de", CALL, PREFIX, "Verpasster Sprachanruf"),
	E("de", CALL, PREFIX, "Verpasster Videoanruf"),
	E("de", CALL, EXACT, "Sprachanruf"),
	E("de", CALL, EXACT, "Videoanruf"),
	E("de", CALL, PREFIX, "Sprachanruf, "),
	E("de", CALL, PREFIX, "Videoanruf, "),
	E("de", MEDIA, EXACT, "<Medien ausgeschlossen>"),
	E("de", MEDIA, EXACT, "<Media weggelassen>"),
	E("de", MEDIA, EXACT, "Bild weggelassen"),
	E("de", MEDIA, EXACT, "Video weggelassen"),
	E("de", MEDIA, EXACT, "Audio weggelassen"),
	E("de", MEDIA, EXACT, "Sticker weggelassen"),
	E("de", MEDIA, EXACT, "GIF weggelassen"),
	E("de", MEDIA, EXACT, "Kontaktkarte ausgelassen"),
	E("de", MEDIA, SUFFIX, "Dokument weggelassen"),
	E("de", DELETED, EXACT, "Diese Nachricht wurde gel\xc3\xb6scht"),
	E("de", DELETED, EXACT, "Du hast diese Nachricht gel\xc3\xb6scht"),
	E("de", LOCATION, PREFIX, "Standort: "),
	E("de", LIVE, PREFIX, "Live-Standort geteilt"),
	E("de", POLL, PREFIX, "UMFRAGE:"),
	E("de", EDITED, SUFFIX, "<Diese Nachricht wurde bearbeitet>"),
	E("de", ATTACHED, SUFFIX, " (Datei angeh\xc3\xa4ngt)"),
	E("de", TAG, PREFIX, "<Anhang:"),

	/* ---- Spanish ----------------------------------------------------- */
	E("es", NOTICE, PREFIX, "Los mensajes y las llamadas est\xc3\xa1n cifrados de extremo a extremo"),
	E("es", NOTICE, PREFIX, "Los mensajes y llamadas est\xc3\xa1n cifrados de extremo a extremo"),
	E("es", SYSTEM, PHRASE, "cre\xc3\xb3 el grupo"),
	E("es", SYSTEM, PHRASE, "a\xc3\xb1" "adi\xc3\xb3"),
	E("es", SYSTEM, PHRASE, "te a\xc3\xb1" "adi\xc3\xb3"),
	E("es", SYSTEM, PHRASE, "elimin\xc3\xb3 a "),
	E("es", SYSTEM, PHRASE, "sali\xc3\xb3"),
	E("es", SYSTEM, PHRASE, "se uni\xc3\xb3"),
	E("es", SYSTEM, PHRASE, "cambi\xc3\xb3 el asunto"),
	E("es", SYSTEM, PHRASE, "cambi\xc3\xb3 el nombre"),
	E("es", SYSTEM, PHRASE, "la imagen del grupo"),
	E("es", SYSTEM, PHRASE, "la descripci\xc3\xb3n del grupo"),
	E("es", SYSTEM, PHRASE, "los ajustes del grupo"),
	E("es", SYSTEM, PHRASE, "ahora es admin"),
	E("es", SYSTEM, PHRASE, "Ahora eres admin"),
	E("es", SYSTEM, PHRASE, "ya no es admin"),
	E("es", SYSTEM, PHRASE, "fij\xc3\xb3 un mensaje"),
	E("es", SYSTEM, PHRASE, "mensajes temporales"),
	E("es", SYSTEM, PHRASE, "c\xc3\xb3" "digo de seguridad"),
	E("es", SYSTEM, PHRASE, "cambi\xc3\xb3 su n\xc3\xbamero"),
	E("es", SYSTEM, PHRASE, "comunidad"),
	E("es", QUOTING, PHRASE, "cre\xc3\xb3 el grupo"),
	E("es", QUOTING, PHRASE, "cambi\xc3\xb3 el asunto"),
	E("es", CALL, PREFIX, "Llamada perdida"),
	E("es", CALL, PREFIX, "Llamada de voz perdida"),
	E("es", CALL, PREFIX, "Videollamada perdida"),
	E("es", CALL, EXACT, "Llamada de voz"),
	E("es", CALL, EXACT, "Videollamada"),
	E("es", CALL, PREFIX, "Llamada de voz, "),
	E("es", CALL, PREFIX, "Videollamada, "),
	E("es", MEDIA, EXACT, "<Multimedia omitido>"),
	E("es", MEDIA, EXACT, "imagen omitida"),
	E("es", MEDIA, EXACT, "Video omitido"),
	E("es", MEDIA, EXACT, "audio omitido"),
	E("es", MEDIA, EXACT, "sticker omitido"),
	E("es", MEDIA, EXACT, "GIF omitido"),
	E("es", MEDIA, EXACT, "Tarjeta de contacto omitida"),
	E("es", MEDIA, SUFFIX, "documento omitido"),
	E("es", DELETED, EXACT, "Se elimin\xc3\xb3 este mensaje"),
	E("es", DELETED, EXACT, "Eliminaste este mensaje"),
	E("es", DELETED, EXACT, "Este mensaje fue eliminado"),
	E("es", LOCATION, PREFIX, "Ubicaci\xc3\xb3n: "),
	E("es", LIVE, PREFIX, "Ubicaci\xc3\xb3n en tiempo real compartida"),
	E("es", POLL, PREFIX, "ENCUESTA:"),
	E("es", EDITED, SUFFIX, "<Se edit\xc3\xb3 este mensaje.>"),
	E("es", ATTACHED, SUFFIX, " (archivo adjunto)"),
	E("es", TAG, PREFIX, "<adjunto:"),

	/* ---- Portuguese (Brazil and Portugal) ---------------------------- */
	E("pt", NOTICE, PREFIX, "As mensagens e as chamadas s\xc3\xa3o protegidas com a criptografia de ponta a ponta"),
	E("pt", NOTICE, PREFIX, "As mensagens e chamadas s\xc3\xa3o encriptadas ponto a ponto"),
	E("pt", SYSTEM, PHRASE, "criou o grupo"),
	E("pt", SYSTEM, PHRASE, "adicionou"),
	E("pt", SYSTEM, PHRASE, "removeu"),
	E("pt", SYSTEM, PHRASE, "saiu"),
	E("pt", SYSTEM, PHRASE, "entrou usando o link de convite"),
	E("pt", SYSTEM, PHRASE, "mudou o assunto"),
	E("pt", SYSTEM, PHRASE, "mudou o nome"),
	E("pt", SYSTEM, PHRASE, "a imagem do grupo"),
	E("pt", SYSTEM, PHRASE, "a descri\xc3\xa7\xc3\xa3o do grupo"),
	E("pt", SYSTEM, PHRASE, "as configura\xc3\xa7\xc3\xb5" "es do grupo"),
	E("pt", SYSTEM, PHRASE, "agora \xc3\xa9 admin"),
	E("pt", SYSTEM, PHRASE, "n\xc3\xa3o \xc3\xa9 mais admin"),
	E("pt", SYSTEM, PHRASE, "fixou uma mensagem"),
	E("pt", SYSTEM, PHRASE, "mensagens tempor\xc3\xa1rias"),
	E("pt", SYSTEM, PHRASE, "c\xc3\xb3" "digo de seguran\xc3\xa7" "a"),
	E("pt", SYSTEM, PHRASE, "mudou seu n\xc3\xbamero"),
	E("pt", SYSTEM, PHRASE, "comunidade"),
	E("pt", QUOTING, PHRASE, "criou o grupo"),
	E("pt", QUOTING, PHRASE, "mudou o assunto"),
	E("pt", QUOTING, PHRASE, "mudou o nome"),
	E("pt", CALL, PREFIX, "Chamada de voz perdida"),
	E("pt", CALL, PREFIX, "Chamada de v\xc3\xad" "deo perdida"),
	E("pt", CALL, EXACT, "Chamada de voz"),
	E("pt", CALL, EXACT, "Chamada de v\xc3\xad" "deo"),
	E("pt", CALL, PREFIX, "Chamada de voz, "),
	E("pt", CALL, PREFIX, "Chamada de v\xc3\xad" "deo, "),
	E("pt", MEDIA, EXACT, "<M\xc3\xad" "dia oculta>"),
	E("pt", MEDIA, EXACT, "<Ficheiro multim\xc3\xa9" "dia omitido>"),
	E("pt", MEDIA, EXACT, "imagem ocultada"),
	E("pt", MEDIA, EXACT, "v\xc3\xad" "deo omitido"),
	E("pt", MEDIA, EXACT, "\xc3\xa1udio ocultado"),
	E("pt", MEDIA, EXACT, "figurinha omitida"),
	E("pt", MEDIA, EXACT, "GIF omitido"),
	E("pt", MEDIA, EXACT, "cart\xc3\xa3o do contato omitido"),
	E("pt", MEDIA, EXACT, "imagem n\xc3\xa3o revelada"),
	E("pt", MEDIA, EXACT, "v\xc3\xad" "deo n\xc3\xa3o revelado"),
	E("pt", MEDIA, EXACT, "ficheiro de \xc3\xa1udio n\xc3\xa3o revelado"),
	E("pt", MEDIA, EXACT, "sticker n\xc3\xa3o revelado"),
	E("pt", MEDIA, EXACT, "GIF n\xc3\xa3o revelada"),
	E("pt", MEDIA, EXACT, "Contacto n\xc3\xa3o revelado"),
	E("pt", MEDIA, SUFFIX, "documento omitido"),
	E("pt", MEDIA, SUFFIX, "documento n\xc3\xa3o revelado"),
	E("pt", DELETED, EXACT, "Esta mensagem foi apagada"),
	E("pt", DELETED, EXACT, "Mensagem apagada"),
	E("pt", DELETED, EXACT, "Voc\xc3\xaa apagou esta mensagem"),
	E("pt", DELETED, EXACT, "Apagou esta mensagem"),
	E("pt", LOCATION, PREFIX, "Localiza\xc3\xa7\xc3\xa3o: "),
	E("pt", LIVE, PREFIX, "Localiza\xc3\xa7\xc3\xa3o em tempo real compartilhada"),
	E("pt", POLL, PREFIX, "ENQUETE:"),
	E("pt", POLL, PREFIX, "SONDAGEM:"),
	E("pt", EDITED, SUFFIX, "<Mensagem editada>"),
	E("pt", ATTACHED, SUFFIX, " (arquivo anexado)"),
	E("pt", ATTACHED, SUFFIX, " (ficheiro anexado)"),
	E("pt", TAG, PREFIX, "<anexado:"),

	/* ---- French ------------------------------------------------------ */
	E("fr", NOTICE, PREFIX, "Les messages et les appels sont chiffr\xc3\xa9s de bout en bout"),
	E("fr", SYSTEM, PHRASE, "a cr\xc3\xa9\xc3\xa9 le groupe"),
	E("fr", SYSTEM, PHRASE, "a ajout\xc3\xa9"),
	E("fr", SYSTEM, PHRASE, "vous a ajout\xc3\xa9"),
	E("fr", SYSTEM, PHRASE, "a retir\xc3\xa9"),
	E("fr", SYSTEM, PHRASE, "est parti"),
	E("fr", SYSTEM, PHRASE, "lien d\xe2\x80\x99invitation"),
	E("fr", SYSTEM, PHRASE, "lien d'invitation"),
	E("fr", SYSTEM, PHRASE, "le sujet"),
	E("fr", SYSTEM, PHRASE, "ic\xc3\xb4ne du groupe"),
	E("fr", SYSTEM, PHRASE, "description du groupe"),
	E("fr", SYSTEM, PHRASE, "param\xc3\xa8tres du groupe"),
	E("fr", SYSTEM, PHRASE, "maintenant admin"),
	E("fr", SYSTEM, PHRASE, "n'est plus admin"),
	E("fr", SYSTEM, PHRASE, "\xc3\xa9pingl\xc3\xa9 un message"),
	E("fr", SYSTEM, PHRASE, "messages \xc3\xa9ph\xc3\xa9m\xc3\xa8res"),
	E("fr", SYSTEM, PHRASE, "code de s\xc3\xa9" "curit\xc3\xa9"),
	E("fr", SYSTEM, PHRASE, "chang\xc3\xa9 de num\xc3\xa9ro"),
	E("fr", SYSTEM, PHRASE, "communaut\xc3\xa9"),
	E("fr", QUOTING, PHRASE, "a cr\xc3\xa9\xc3\xa9 le groupe"),
	E("fr", QUOTING, PHRASE, "le sujet"),
	E("fr", CALL, PREFIX, "Appel vocal manqu\xc3\xa9"),
	E("fr", CALL, PREFIX, "Appel vid\xc3\xa9o manqu\xc3\xa9"),
	E("fr", CALL, EXACT, "Appel vocal"),
	E("fr", CALL, EXACT, "Appel vid\xc3\xa9o"),
	E("fr", CALL, PREFIX, "Appel vocal, "),
	E("fr", CALL, PREFIX, "Appel vid\xc3\xa9o, "),
	E("fr", MEDIA, EXACT, "<M\xc3\xa9" "dias omis>"),
	E("fr", MEDIA, EXACT, "image absente"),
	E("fr", MEDIA, EXACT, "vid\xc3\xa9o absente"),
	E("fr", MEDIA, EXACT, "audio omis"),
	E("fr", MEDIA, EXACT, "sticker omis"),
	E("fr", MEDIA, EXACT, "GIF retir\xc3\xa9"),
	E("fr", MEDIA, EXACT, "Fiche contact manquante"),
	E("fr", MEDIA, SUFFIX, "document manquant"),
	E("fr", DELETED, EXACT, "Ce message a \xc3\xa9t\xc3\xa9 supprim\xc3\xa9"),
	E("fr", DELETED, EXACT, "Vous avez supprim\xc3\xa9 ce message"),
	E("fr", LOCATION, PREFIX, "Localisation: "),
	E("fr", LOCATION, PREFIX, "Position : "),
	E("fr", LIVE, PREFIX, "Position en direct partag\xc3\xa9" "e"),
	E("fr", POLL, PREFIX, "SONDAGE :"),
	E("fr", POLL, PREFIX, "SONDAGE:"),
	E("fr", EDITED, SUFFIX, "<Ce message a \xc3\xa9t\xc3\xa9 modifi\xc3\xa9>"),
	E("fr", ATTACHED, SUFFIX, " (fichier joint)"),
	E("fr", TAG, PREFIX, "<pi\xc3\xa8" "ce jointe :"),
	E("fr", TAG, PREFIX, "<pi\xc3\xa8" "ce jointe:"),

	/* ---- Dutch ------------------------------------------------------- */
	E("nl", NOTICE, PREFIX, "Berichten en gesprekken worden end-to-end versleuteld"),
	E("nl", SYSTEM, PHRASE, "heeft groep"),
	E("nl", SYSTEM, PHRASE, "aangemaakt"),
	E("nl", SYSTEM, PHRASE, "toegevoegd"),
	E("nl", SYSTEM, PHRASE, " verwijderd"),
	E("nl", SYSTEM, PHRASE, "de groep verlaten"),
	E("nl", SYSTEM, PHRASE, "uitnodigingslink"),
	E("nl", SYSTEM, PHRASE, "onderwerp"),
	E("nl", SYSTEM, PHRASE, "groepsafbeelding"),
	E("nl", SYSTEM, PHRASE, "groepsbeschrijving"),
	E("nl", SYSTEM, PHRASE, "groepsinstellingen"),
	E("nl", SYSTEM, PHRASE, "beheerder"),
	E("nl", SYSTEM, PHRASE, "vastgezet"),
	E("nl", SYSTEM, PHRASE, "verdwijnende berichten"),
	E("nl", SYSTEM, PHRASE, "beveiligingscode"),
	E("nl", SYSTEM, PHRASE, "telefoonnummer"),
	E("nl", SYSTEM, PHRASE, "community"),
	E("nl", QUOTING, PHRASE, "heeft groep"),
	E("nl", QUOTING, PHRASE, "onderwerp"),
	E("nl", CALL, PREFIX, "Gemiste spraakoproep"),
	E("nl", CALL, PREFIX, "Gemiste video-oproep"),
	E("nl", CALL, EXACT, "Spraakoproep"),
	E("nl", CALL, EXACT, "Video-oproep"),
	E("nl", CALL, PREFIX, "Spraakoproep, "),
	E("nl", CALL, PREFIX, "Video-oproep, "),
	E("nl", MEDIA, EXACT, "<Media weggelaten>"),
	E("nl", MEDIA, EXACT, "afbeelding weggelaten"),
	E("nl", MEDIA, EXACT, "video weggelaten"),
	E("nl", MEDIA, EXACT, "audio weggelaten"),
	E("nl", MEDIA, EXACT, "sticker weggelaten"),
	E("nl", MEDIA, EXACT, "GIF weggelaten"),
	E("nl", MEDIA, EXACT, "Contactkaart weggelaten"),
	E("nl", MEDIA, SUFFIX, "document weggelaten"),
	E("nl", DELETED, EXACT, "Dit bericht is verwijderd"),
	E("nl", DELETED, EXACT, "Je hebt dit bericht verwijderd"),
	E("nl", DELETED, EXACT, "U heeft dit bericht verwijderd"),
	E("nl", LOCATION, PREFIX, "Locatie: "),
	E("nl", LIVE, PREFIX, "Live locatie gedeeld"),
	E("nl", POLL, PREFIX, "PEILING:"),
	E("nl", EDITED, SUFFIX, "<Dit bericht is bewerkt>"),
	E("nl", ATTACHED, SUFFIX, " (bestand bijgevoegd)"),
	E("nl", TAG, PREFIX, "<bijgevoegd:"),

	/* ---- Italian ----------------------------------------------------- */
	E("it", NOTICE, PREFIX, "I messaggi e le chiamate sono crittografati end-to-end"),
	E("it", SYSTEM, PHRASE, "ha creato il gruppo"),
	E("it", SYSTEM, PHRASE, "ha aggiunto"),
	E("it", SYSTEM, PHRASE, "ti ha aggiunto"),
	E("it", SYSTEM, PHRASE, "ha rimosso"),
	E("it", SYSTEM, PHRASE, "\xc3\xa8 uscito"),
	E("it", SYSTEM, PHRASE, "link d'invito"),
	E("it", SYSTEM, PHRASE, "link di invito"),
	E("it", SYSTEM, PHRASE, "l'oggetto"),
	E("it", SYSTEM, PHRASE, "immagine del gruppo"),
	E("it", SYSTEM, PHRASE, "descrizione del gruppo"),
	E("it", SYSTEM, PHRASE, "impostazioni del gruppo"),
	E("it", SYSTEM, PHRASE, "amministratore"),
	E("it", SYSTEM, PHRASE, "fissato un messaggio"),
	E("it", SYSTEM, PHRASE, "messaggi effimeri"),
	E("it", SYSTEM, PHRASE, "codice di sicurezza"),
	E("it", SYSTEM, PHRASE, "cambiato numero"),
	E("it", SYSTEM, PHRASE, "community"),
	E("it", QUOTING, PHRASE, "ha creato il gruppo"),
	E("it", QUOTING, PHRASE, "l'oggetto"),
	E("it", CALL, PREFIX, "Chiamata vocale persa"),
	E("it", CALL, PREFIX, "Videochiamata persa"),
	E("it", CALL, EXACT, "Chiamata vocale"),
	E("it", CALL, EXACT, "Videochiamata"),
	E("it", CALL, PREFIX, "Chiamata vocale, "),
	E("it", CALL, PREFIX, "Videochiamata, "),
	E("it", MEDIA, EXACT, "<Media omessi>"),
	E("it", MEDIA, EXACT, "immagine omessa"),
	E("it", MEDIA, EXACT, "video omesso"),
	E("it", MEDIA, EXACT, "audio omesso"),
	E("it", MEDIA, EXACT, "sticker non incluso"),
	E("it", MEDIA, EXACT, "GIF esclusa"),
	E("it", MEDIA, EXACT, "Scheda contatto omessa"),
	E("it", MEDIA, SUFFIX, "documento omesso"),
	E("it", DELETED, EXACT, "Questo messaggio \xc3\xa8 stato eliminato"),
	E("it", DELETED, EXACT, "Hai eliminato questo messaggio"),
	E("it", LOCATION, PREFIX, "Posizione: "),
	E("it", LIVE, PREFIX, "Posizione in tempo reale condivisa"),
	E("it", POLL, PREFIX, "SONDAGGIO:"),
	E("it", EDITED, SUFFIX, "<Questo messaggio \xc3\xa8 stato modificato>"),
	E("it", ATTACHED, SUFFIX, " (file allegato)"),
	E("it", TAG, PREFIX, "<allegato:"),

	/* ---- Turkish ----------------------------------------------------- */
	E("tr", NOTICE, PREFIX, "Mesajlar ve aramalar u\xc3\xa7tan uca \xc5\x9fifrelidir"),
	E("tr", SYSTEM, PHRASE, "grubunu olu\xc5\x9fturdu"),
	E("tr", SYSTEM, PHRASE, "ekledi"),
	E("tr", SYSTEM, PHRASE, "\xc3\xa7\xc4\xb1kard\xc4\xb1"),
	E("tr", SYSTEM, PHRASE, "ayr\xc4\xb1ld\xc4\xb1"),
	E("tr", SYSTEM, PHRASE, "davet ba\xc4\x9flant\xc4\xb1s\xc4\xb1"),
	E("tr", SYSTEM, PHRASE, "konuyu"),
	E("tr", SYSTEM, PHRASE, "grup simgesini"),
	E("tr", SYSTEM, PHRASE, "grup a\xc3\xa7\xc4\xb1klamas\xc4\xb1n\xc4\xb1"),
	E("tr", SYSTEM, PHRASE, "grup ayarlar\xc4\xb1n\xc4\xb1"),
	E("tr", SYSTEM, PHRASE, "y\xc3\xb6netici"),
	E("tr", SYSTEM, PHRASE, "sabitledi"),
	E("tr", SYSTEM, PHRASE, "s\xc3\xbcreli mesajlar"),
	E("tr", SYSTEM, PHRASE, "g\xc3\xbcvenlik kodu"),
	E("tr", SYSTEM, PHRASE, "telefon numaras\xc4\xb1n\xc4\xb1"),
	E("tr", SYSTEM, PHRASE, "topluluk"),
	E("tr", CALL, PREFIX, "Cevaps\xc4\xb1z sesli arama"),
	E("tr", CALL, PREFIX, "Cevaps\xc4\xb1z g\xc3\xb6r\xc3\xbcnt\xc3\xbcl\xc3\xbc arama"),
	E("tr", CALL, EXACT, "Sesli arama"),
	E("tr", CALL, EXACT, "G\xc3\xb6r\xc3\xbcnt\xc3\xbcl\xc3\xbc arama"),
	E("tr", CALL, PREFIX, "Sesli arama, "),
	E("tr", CALL, PREFIX, "G\xc3\xb6r\xc3\xbcnt\xc3\xbcl\xc3\xbc arama, "),
	E("tr", MEDIA, EXACT, "<Medya dahil edilmedi>"),
	E("tr", MEDIA, EXACT, "g\xc3\xb6r\xc3\xbcnt\xc3\xbc dahil edilmedi"),
	E("tr", MEDIA, EXACT, "video dahil edilmedi"),
	E("tr", MEDIA, EXACT, "ses dahil edilmedi"),
	E("tr", MEDIA, EXACT, "\xc3\x87\xc4\xb1kartma dahil edilmedi"),
	E("tr", MEDIA, EXACT, "GIF dahil edilmedi"),
	E("tr", MEDIA, EXACT, "Ki\xc5\x9fi kart\xc4\xb1 dahil edilmedi"),
	E("tr", MEDIA, SUFFIX, "belge dahil edilmedi"),
	E("tr", DELETED, EXACT, "Bu mesaj silindi"),
	E("tr", DELETED, EXACT, "Bu mesaj\xc4\xb1 sildiniz"),
	E("tr", LOCATION, PREFIX, "Konum: "),
	E("tr", LIVE, PREFIX, "Canl\xc4\xb1 konum payla\xc5\x9f\xc4\xb1ld\xc4\xb1"),
	E("tr", POLL, PREFIX, "ANKET:"),
	E("tr", EDITED, SUFFIX, "<Bu mesaj d\xc3\xbczenlendi>"),
	E("tr", ATTACHED, SUFFIX, " (dosya ekli)"),
	E("tr", TAG, PREFIX, "<ek:"),
};

#define NTABLE (sizeof(table) / sizeof(table[0]))

/* Entries of each kind of comparison, grouped by their key byte (folded
 * first byte; last byte for WL_SUFFIX): built once, on first use. */
static unsigned short order[WL_NHOW][NTABLE];
static unsigned short tlen[NTABLE];
static unsigned short start[WL_NHOW][257];
static int indexed;

static int
fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int
key_byte(const struct wl_entry *e)
{
	size_t n = strlen(e->text);

	return fold((unsigned char)(e->how == WL_SUFFIX ? e->text[n - 1] : e->text[0]));
}

static void
build(void)
{
	size_t i, k;
	int h, c;

	for (i = 0; i < NTABLE; i++)
		tlen[i] = (unsigned short)strlen(table[i].text);
	for (h = 0; h < WL_NHOW; h++) {
		k = 0;
		for (c = 0; c < 256; c++) {
			start[h][c] = (unsigned short)k;
			for (i = 0; i < NTABLE; i++)
				if (table[i].how == (enum wl_how)h &&
				    (h == WL_PHRASE ? c == 0 : key_byte(&table[i]) == c))
					order[h][k++] = (unsigned short)i;
		}
		start[h][256] = (unsigned short)k;
	}
	indexed = 1;
}

const struct wl_entry *
wl_table(size_t *n)
{
	*n = NTABLE;
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
	c = fold((unsigned char)(how == WL_SUFFIX ? s[n - 1] : s[0]));
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
