## The privacy statement (/personvern), the accessibility statement (/tilgjengelighet)
## and the footer's links to them. Periods and addresses come from the configuration.

footer-statements-label = Om nettstedet
footer-privacy-link = Personvernerklæring
footer-accessibility-link = Tilgjengelighetserklæring
footer-write-to = Spørsmål? Skriv til

privacy-title = Personvernerklæring
privacy-lead = Her står hvilke personopplysninger nettstedet for Bedre stat-prisen samler inn, hvorfor, hvem som får se dem, hvor lenge de blir lagret, og hvilke rettigheter du har.
privacy-controller-heading = Behandlingsansvarlig
privacy-controller = Direktoratet for forvaltning og økonomistyring (DFØ) er behandlingsansvarlig for opplysningene på dette nettstedet. Sekretariatet for prisen i DFØ behandler dem.
privacy-contact = Har du spørsmål om personvern her, kan du skrive til
privacy-collected-heading = Hva vi samler inn, og hvorfor
privacy-what = Hva
privacy-why = Formål
privacy-basis = Rettslig grunnlag
privacy-who = Hvem får se det
privacy-how-long = Hvor lenge

privacy-nomination-heading = Nominasjonsskjemaet
privacy-nomination-what = Virksomheten og organisasjonsnummeret, en beskrivelse av tiltaket og resultatene, og en kontaktperson: navn, e-postadresse og eventuelt telefonnummer. Dokumenter virksomheten legger ved (for eksempel rapporter), som kan inneholde personopplysninger; vi ber om at de ikke gjør det utover navn på dem som har arbeidet med tiltaket.
privacy-nomination-why = Å behandle nominasjonen, sende kvittering og lenke for å endre den, og kontakte virksomheten om den.
privacy-nomination-basis = Oppgave i allmennhetens interesse (personvernforordningen artikkel 6 nr. 1 bokstav e): DFØ deler ut prisen som del av arbeidet med god styring i staten.
privacy-nomination-who = Sekretariatet i DFØ og juryen. Kontaktpersonen får kvitteringen på e-post. Ingenting blir publisert uten at virksomheten har sagt ja til det.
privacy-nomination-how-long = Kontaktpersonen blir slettet { $years ->
    [one] ett år
   *[other] { $years } år
} etter runden (etter Styringskonferansen, eller etter fristen dersom konferansen ikke har fått dato), med mindre tiltaket er med i det offentlige biblioteket av gode eksempler. Selve nominasjonen blir tatt vare på som del av prisens historie.

privacy-tip-heading = Tipsskjemaet
privacy-tip-what = Tiltaket, virksomheten og hvorfor du tipser. Navn og e-postadresse er frivillig, og du velger selv om sekretariatet får kontakte deg.
privacy-tip-why = Å vurdere tipset, og å kontakte deg om det dersom du har sagt ja til det.
privacy-tip-basis = Oppgave i allmennhetens interesse (personvernforordningen artikkel 6 nr. 1 bokstav e). Navn og e-postadresse gir du frivillig.
privacy-tip-who = Tipset blir videresendt på e-post til sekretariatet ({ $recipient }). Oppgir du e-postadressen din, får du en kvittering.
privacy-tip-how-long = Navn og e-postadresse blir slettet { $days ->
    [one] én dag
   *[other] { $days } dager
} etter Styringskonferansen i runden tipset gjelder. Har runden ingen konferansedato, regnes tiden fra nominasjonsfristen; hører tipset ikke til noen runde ennå, regnes den fra dagen tipset kom inn. Selve tipset blir tatt vare på.

privacy-staff-heading = Brukerkontoer for sekretariatet og juryen
privacy-staff-what = Navn, e-postadresse, rolle, passord (bare som en saltet hash), eventuell kode for totrinnsinnlogging, tilknytninger til virksomheter, og jurymedlemmenes poeng, begrunnelser og vurderinger.
privacy-staff-why = Å gi tilgang til arbeidet med prisen, og å sikre at ingen vurderer en nominasjon de er inhabile overfor.
privacy-staff-basis = Oppgave i allmennhetens interesse (artikkel 6 nr. 1 bokstav e) og rettslig forpliktelse (artikkel 6 nr. 1 bokstav c): reglene om habilitet i forvaltningsloven § 6.
privacy-staff-who = Sekretariatet. Juryens vurderinger inngår i grunnlaget for vedtaket om vinneren.
privacy-staff-how-long = En konto som har vært deaktivert i { $accountdays ->
    [one] én dag
   *[other] { $accountdays } dager
} blir anonymisert: navn, e-postadresse, passord og totrinnskode blir slettet. Poeng, vurderinger og vedtak blir stående uten navn, slik at juryens arbeid kan etterprøves.

privacy-technical-heading = Bruk av nettstedet
privacy-technical-what = Informasjonskapsler for innlogging og for valgt språk, og IP-adressen din i korte perioder.
privacy-technical-why = Innlogging, språkvalg, og vern mot misbruk (begrensning av hvor mange skjemaer og innloggingsforsøk som kan sendes).
privacy-technical-basis = Oppgave i allmennhetens interesse (artikkel 6 nr. 1 bokstav e). Informasjonskapslene er nødvendige for tjenesten og krever ikke samtykke.
privacy-technical-who = Ingen utenfor DFØ. Nettstedet bruker ikke analyseverktøy eller informasjonskapsler fra andre.
privacy-technical-how-long = En innlogging varer i { $hours } timer. IP-adresser brukt til begrensning blir bare holdt i minnet og glemt når de ikke lenger er i bruk.

privacy-mail-heading = E-post
privacy-mail = E-post som nettstedet sender (kvitteringer, videresendte tips, invitasjoner) beholder mottaker og innhold i { $maildays ->
    [one] én dag
   *[other] { $maildays } dager
} etter at den er levert. Deretter er bare emne, referanse og tidspunkter igjen. En e-post med en personlig lenke mister innholdet med en gang den er levert.
privacy-log-heading = Logger
privacy-log = Hendelsesloggen viser hva som er gjort, av hvem (som bruker-ID) og med hvilken sak (referanse). Den inneholder aldri navn, e-postadresser eller fritekst. Det samme gjelder de tekniske loggene.

privacy-rights-heading = Dine rettigheter
privacy-rights-lead = Du har rett til å
privacy-right-access = få vite hvilke opplysninger vi har om deg, og få en kopi av dem
privacy-right-rectify = få rettet opplysninger som er feil
privacy-right-erase = få slettet opplysninger om deg, så langt vi ikke må ta vare på dem
privacy-right-restrict = be om at behandlingen blir begrenset mens et spørsmål blir avklart
privacy-right-object = protestere mot behandlingen ut fra din særlige situasjon
privacy-right-portability = få opplysninger du selv har gitt oss, i et maskinlesbart format
privacy-rights-how = Skriv til oss for å bruke rettighetene dine. Vi svarer så raskt vi kan, og senest innen én måned:
privacy-complaint = Mener du at vi behandler opplysningene dine i strid med regelverket, kan du klage til
privacy-complaint-link = Datatilsynet (datatilsynet.no)

a11y-title = Tilgjengelighetserklæring
a11y-lead = Denne erklæringen gjelder nettstedet for Bedre stat-prisen ({ $site }), med skjemaene for nominasjoner og tips og sidene for sekretariatet og juryen.
a11y-standard-heading = Krav
a11y-standard = Nettstedet skal oppfylle kravene i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løsninger krever.
a11y-status-heading = Status
a11y-status = Nettstedet oppfyller kravene så langt vi har kunnet teste, med avvikene nedenfor. Alle sider virker uten JavaScript, og alle finnes på bokmål, nynorsk og engelsk.
a11y-deviations-heading = Kjente avvik
a11y-deviation-manual = Sidene er testet automatisk, men ikke gjennomgått manuelt med skjermleser eller av brukere med nedsatt funksjonsevne. Automatiske tester finner ikke alle brudd.
a11y-deviation-external = Lenkene til fagartikler på forsiden går til nettsteder vi ikke har ansvar for; noen av dem er på engelsk eller dansk.
a11y-deviation-exports = Poengtabellen som sekretariatet kan laste ned (CSV), er et regneark og ikke en nettside; den er ikke testet for tilgjengelighet.
a11y-how-heading = Slik har vi testet
a11y-how = Hver side testes automatisk med axe-core mot WCAG 2.1 nivå A og AA, på bokmål og nynorsk, i en ekte nettleser (Chromium).
a11y-checked = Siste automatiske test
a11y-statement-date = Erklæringen ble sist gjennomgått
a11y-checked-how = Nettstedet kan ikke selv se når testene sist ble kjørt: datoen settes i konfigurasjonen av den som kjører testene før en ny versjon tas i bruk.
a11y-feedback-heading = Tilbakemelding
a11y-feedback = Møter du en hindring på nettstedet, eller trenger du innholdet i en annen form? Skriv til
a11y-complaint = Får du ikke svar, eller er du ikke fornøyd med svaret, kan du melde fra til
a11y-complaint-link = Tilsynet for universell utforming av ikt (uutilsynet.no)
