## Why a mail was not delivered, explained on the outbox page (/sekretariat/epost);
## one per class in src/domain/mail_error.rs.

mail-error-unreachable = Portalen fikk ikke kontakt med e-postserveren. Hvis det varer, må driften sjekke at serveren kjører og at adressen i innstillingene stemmer.
mail-error-timeout = E-postserveren svarte ikke i tide.
mail-error-tls = Den krypterte forbindelsen til e-postserveren kunne ikke settes opp (for eksempel et sertifikat som ikke godtas). Driften må sjekke innstillingene.
mail-error-authentication = E-postserveren godtok ikke innloggingen til portalen. Driften må sjekke brukernavn og passord for e-postserveren.
mail-error-recipient-rejected = Mottakeradressen finnes ikke eller blir avvist av mottakerens e-postserver. Sjekk adressen og kontakt mottakeren på en annen måte.
mail-error-too-large = E-posten var for stor for mottakerens e-postserver.
mail-error-temporary = E-postserveren avviste e-posten midlertidig (for eksempel full innboks eller for mye trafikk).
mail-error-refused = E-postserveren avviste e-posten. Den blir ikke levert uten at noe endres; se den tekniske beskrivelsen.
mail-error-invalid-address = Adressen i e-posten er ikke en gyldig e-postadresse, så den kunne ikke sendes.
mail-error-protocol = E-postserveren svarte noe portalen ikke forsto.
mail-error-shutdown = Portalen ble stoppet mens e-posten ble sendt.
mail-error-unknown = Sendingen feilet av en ukjent grunn; se den tekniske beskrivelsen.
mail-error-details = Teknisk beskrivelse
mail-error-will-retry = Portalen prøver igjen av seg selv på tidspunktet som står under «Neste forsøk».
mail-error-gave-up = Portalen har gitt opp etter { $attempts } forsøk. Trykk «Send på nytt» når feilen er rettet.
