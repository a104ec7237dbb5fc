## The privacy statement (/personvern), the accessibility statement (/tilgjengelighet)
## and the footer's links to them. Periods and addresses come from the configuration.

footer-statements-label = Om nettstaden
footer-privacy-link = Personvernerklæring
footer-accessibility-link = Tilgjengeerklæring
footer-write-to = Spørsmål? Skriv til

privacy-title = Personvernerklæring
privacy-lead = Her står det kva personopplysningar nettstaden for Bedre stat-prisen samlar inn, kvifor, kven som får sjå dei, kor lenge dei blir lagra, og kva rettar du har.
privacy-controller-heading = Behandlingsansvarleg
privacy-controller = Direktoratet for forvaltning og økonomistyring (DFØ) er behandlingsansvarleg for opplysningane på denne nettstaden. Sekretariatet for prisen i DFØ behandlar dei.
privacy-contact = Har du spørsmål om personvern her, kan du skrive til
privacy-collected-heading = Kva vi samlar inn, og kvifor
privacy-what = Kva
privacy-why = Føremål
privacy-basis = Rettsleg grunnlag
privacy-who = Kven får sjå det
privacy-how-long = Kor lenge

privacy-nomination-heading = Nominasjonsskjemaet
privacy-nomination-what = Verksemda og organisasjonsnummeret, ei skildring av tiltaket og resultata, og ein kontaktperson: namn, e-postadresse og eventuelt telefonnummer. Dokument verksemda legg ved (til dømes rapportar), som kan innehalde personopplysningar; vi ber om at dei ikkje gjer det utover namn på dei som har arbeidd med tiltaket.
privacy-nomination-why = Å behandle nominasjonen, sende kvittering og lenkje til å endre han, og kontakte verksemda om han.
privacy-nomination-basis = Oppgåve i allmenta si interesse (personvernforordninga artikkel 6 nr. 1 bokstav e): DFØ deler ut prisen som ein del av arbeidet med god styring i staten.
privacy-nomination-who = Sekretariatet i DFØ og juryen. Kontaktpersonen får kvitteringa på e-post. Ingenting blir publisert utan at verksemda har sagt ja til det.
privacy-nomination-how-long = Kontaktpersonen blir sletta { $years ->
    [one] eitt år
   *[other] { $years } år
} etter runden (etter Styringskonferansen, eller etter fristen dersom konferansen ikkje har fått dato), så sant tiltaket ikkje er med i det opne biblioteket av gode døme. Sjølve nominasjonen blir teken vare på som ein del av historia til prisen.

privacy-tip-heading = Tipsskjemaet
privacy-tip-what = Tiltaket, verksemda og kvifor du tipsar. Namn og e-postadresse er frivillig, og du vel sjølv om sekretariatet får kontakte deg.
privacy-tip-why = Å vurdere tipset, og å kontakte deg om det dersom du har sagt ja til det.
privacy-tip-basis = Oppgåve i allmenta si interesse (personvernforordninga artikkel 6 nr. 1 bokstav e). Namn og e-postadresse gir du frivillig.
privacy-tip-who = Tipset blir sendt vidare på e-post til sekretariatet ({ $recipient }). Oppgjev du e-postadressa di, får du ei kvittering.
privacy-tip-how-long = Namn og e-postadresse blir sletta { $days ->
    [one] éin dag
   *[other] { $days } dagar
} etter Styringskonferansen i runden tipset gjeld. Har runden ingen konferansedato, blir tida rekna frå nominasjonsfristen; høyrer tipset ikkje til nokon runde enno, blir ho rekna frå dagen tipset kom inn. Sjølve tipset blir teke vare på.

privacy-staff-heading = Brukarkontoar for sekretariatet og juryen
privacy-staff-what = Namn, e-postadresse, rolle, passord (berre som ein salta hash), eventuell kode for totrinnsinnlogging, tilknytingar til verksemder, og poenga, grunngjevingane og vurderingane til jurymedlemmane.
privacy-staff-why = Å gi tilgang til arbeidet med prisen, og å sikre at ingen vurderer ein nominasjon dei er inhabile overfor.
privacy-staff-basis = Oppgåve i allmenta si interesse (artikkel 6 nr. 1 bokstav e) og rettsleg plikt (artikkel 6 nr. 1 bokstav c): reglane om habilitet i forvaltningslova § 6.
privacy-staff-who = Sekretariatet. Vurderingane til juryen inngår i grunnlaget for vedtaket om vinnaren.
privacy-staff-how-long = Ein konto som har vore deaktivert i { $accountdays ->
    [one] éin dag
   *[other] { $accountdays } dagar
} blir anonymisert: namn, e-postadresse, passord og totrinnskode blir sletta. Poeng, vurderingar og vedtak blir ståande utan namn, slik at arbeidet til juryen kan etterprøvast.

privacy-technical-heading = Bruk av nettstaden
privacy-technical-what = Informasjonskapslar for innlogging og for valt språk, og IP-adressa di i korte periodar.
privacy-technical-why = Innlogging, språkval, og vern mot misbruk (avgrensing av kor mange skjema og innloggingsforsøk som kan sendast).
privacy-technical-basis = Oppgåve i allmenta si interesse (artikkel 6 nr. 1 bokstav e). Informasjonskapslane er naudsynte for tenesta og krev ikkje samtykke.
privacy-technical-who = Ingen utanfor DFØ. Nettstaden brukar ikkje analyseverktøy eller informasjonskapslar frå andre.
privacy-technical-how-long = Ei innlogging varer i { $hours } timar. IP-adresser som blir brukte til avgrensing, blir berre haldne i minnet og gløymde når dei ikkje lenger er i bruk.

privacy-mail-heading = E-post
privacy-mail = E-post som nettstaden sender (kvitteringar, tips som blir sende vidare, invitasjonar), held på mottakar og innhald i { $maildays ->
    [one] éin dag
   *[other] { $maildays } dagar
} etter at han er levert. Etterpå er berre emne, referanse og tidspunkt att. Ein e-post med ei personleg lenkje mistar innhaldet med ein gong han er levert.
privacy-log-heading = Loggar
privacy-log = Hendingsloggen viser kva som er gjort, av kven (som brukar-ID) og i kva sak (referanse). Han inneheld aldri namn, e-postadresser eller fritekst. Det same gjeld dei tekniske loggane.

privacy-rights-heading = Rettane dine
privacy-rights-lead = Du har rett til å
privacy-right-access = få vite kva opplysningar vi har om deg, og få ein kopi av dei
privacy-right-rectify = få retta opplysningar som er feil
privacy-right-erase = få sletta opplysningar om deg, så langt vi ikkje må ta vare på dei
privacy-right-restrict = be om at behandlinga blir avgrensa medan eit spørsmål blir avklart
privacy-right-object = protestere mot behandlinga ut frå den særlege situasjonen din
privacy-right-portability = få opplysningar du sjølv har gjeve oss, i eit maskinlesbart format
privacy-rights-how = Skriv til oss for å bruke rettane dine. Vi svarar så snart vi kan, og seinast innan éin månad:
privacy-complaint = Meiner du at vi behandlar opplysningane dine i strid med regelverket, kan du klage til
privacy-complaint-link = Datatilsynet (datatilsynet.no)

a11y-title = Tilgjengeerklæring
a11y-lead = Denne erklæringa gjeld nettstaden for Bedre stat-prisen ({ $site }), med skjemaa for nominasjonar og tips og sidene for sekretariatet og juryen.
a11y-standard-heading = Krav
a11y-standard = Nettstaden skal oppfylle krava i WCAG 2.1 på nivå AA, slik forskrift om universell utforming av IKT-løysingar krev.
a11y-status-heading = Status
a11y-status = Nettstaden oppfyller krava så langt vi har kunna teste, med avvika nedanfor. Alle sidene verkar utan JavaScript, og alle finst på bokmål, nynorsk og engelsk.
a11y-deviations-heading = Kjende avvik
a11y-deviation-manual = Sidene er testa automatisk, men ikkje gått gjennom manuelt med skjermlesar eller av brukarar med nedsett funksjonsevne. Automatiske testar finn ikkje alle brot.
a11y-deviation-external = Lenkjene til fagartiklar på framsida går til nettstader vi ikkje har ansvar for; nokre av dei er på engelsk eller dansk.
a11y-deviation-exports = Poengtabellen som sekretariatet kan laste ned (CSV), er eit rekneark og ikkje ei nettside; han er ikkje testa for tilgjenge.
a11y-how-heading = Slik har vi testa
a11y-how = Kvar side blir testa automatisk med axe-core mot WCAG 2.1 nivå A og AA, på bokmål og nynorsk, i ein ekte nettlesar (Chromium).
a11y-checked = Siste automatiske test
a11y-statement-date = Erklæringa blei sist gått gjennom
a11y-checked-how = Nettstaden kan ikkje sjølv sjå når testane sist blei køyrde: datoen blir sett i konfigurasjonen av den som køyrer testane før ein ny versjon blir teken i bruk.
a11y-feedback-heading = Tilbakemelding
a11y-feedback = Møter du eit hinder på nettstaden, eller treng du innhaldet i ei anna form? Skriv til
a11y-complaint = Får du ikkje svar, eller er du ikkje nøgd med svaret, kan du melde frå til
a11y-complaint-link = Tilsynet for universell utforming av ikt (uutilsynet.no)
