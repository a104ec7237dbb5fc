## Why a mail was not delivered, explained on the outbox page (/sekretariat/epost);
## one per class in src/domain/mail_error.rs.

mail-error-unreachable = Portalen fekk ikkje kontakt med e-postserveren. Om det varer, må drifta sjekke at serveren køyrer og at adressa i innstillingane stemmer.
mail-error-timeout = E-postserveren svarte ikkje i tide.
mail-error-tls = Det kryptera sambandet til e-postserveren kunne ikkje setjast opp (til dømes eit sertifikat som ikkje blir godteke). Drifta må sjekke innstillingane.
mail-error-authentication = E-postserveren godtok ikkje innlogginga til portalen. Drifta må sjekke brukarnamn og passord for e-postserveren.
mail-error-recipient-rejected = Mottakaradressa finst ikkje eller blir avvist av e-postserveren til mottakaren. Sjekk adressa og kontakt mottakaren på ein annan måte.
mail-error-too-large = E-posten var for stor for e-postserveren til mottakaren.
mail-error-temporary = E-postserveren avviste e-posten mellombels (til dømes full innboks eller for mykje trafikk).
mail-error-refused = E-postserveren avviste e-posten. Han blir ikkje levert utan at noko blir endra; sjå den tekniske skildringa.
mail-error-invalid-address = Adressa i e-posten er ikkje ei gyldig e-postadresse, så han kunne ikkje sendast.
mail-error-protocol = E-postserveren svarte noko portalen ikkje forstod.
mail-error-shutdown = Portalen blei stoppa medan e-posten blei send.
mail-error-unknown = Sendinga feila av ein ukjend grunn; sjå den tekniske skildringa.
mail-error-details = Teknisk skildring
mail-error-will-retry = Portalen prøver att av seg sjølv på tidspunktet som står under «Neste forsøk».
mail-error-gave-up = Portalen har gitt opp etter { $attempts } forsøk. Trykk «Send på nytt» når feilen er retta.
