## Nynorsk. Every id here must match nb/main.ftl exactly, in the same order
## (checked by a unit test in src/i18n.rs).

site-name = Bedre stat-prisen
site-owner = Direktoratet for forvaltning og økonomistyring (DFØ)
skip-to-content = Hopp til hovudinnhaldet
language-nav-label = Vel språk
optional = (valfritt)
required-note = Felt utan «valfritt» må fyllast ut.
footer-about = Bedre stat-prisen blir delt ut av DFØ under Styringskonferansen.
footer-privacy = Personopplysningar i nominasjonar og tips blir berre brukte i arbeidet med prisen. Loggane inneheld aldri namn, e-postadresser eller fritekst.
footer-contact = Spørsmål? Skriv til { $address }.

## Home page
home-title = Bedre stat-prisen
home-page-title = Framside
home-lead = Kvart år kårar DFØ det tiltaket som best har bidrege til effektiv ressursbruk i staten – innanfor styring, kontroll, innsparing eller kvalitetsforbetring. Prisen blir delt ut under Styringskonferansen.
home-purpose-heading = Kvifor prisen finst
home-purpose = Målet er å løfte fram gode døme, inspirere og dele erfaringar mellom verksemder.
home-areas-heading = Dei fire områda
area-styring = Styring
area-styring-description = Betre mål- og resultatstyring, prioritering og leiing.
area-kontroll = Kontroll
area-kontroll-description = Betre internkontroll og risikostyring som hindrar feil og sløsing.
area-innsparing = Innsparing
area-innsparing-description = Dokumenterte innsparingar i kroner eller timar.
area-kvalitetsforbedring = Kvalitetsforbetring
area-kvalitetsforbedring-description = Betre tenester for brukarane med dei same ressursane.
home-jury-heading = Kva juryen ser etter
home-jury-goal = målet med tiltaket, og om det er nådd
home-jury-effects = verknader for verksemda, brukarane og samfunnet
home-jury-transfer = kva andre kan lære (overføringsverdi)
home-jury-innovation = om tiltaket er nyskapande
home-jury-gains = dokumentert effektivisering
home-jury-holistic = Juryen gjer ei heilskapsvurdering. Poeng per kriterium er ein indikasjon, ikkje ein fasit – også små tiltak kan vinne.
home-how-heading = Slik deltek du
home-how-nominate = Verksemder nominerer eigne tiltak gjennom skjemaet. De får ein referanse og ei kvittering, og de kan endre nominasjonen fram til fristen.
home-how-tip = Alle kan tipse sekretariatet om eit tiltak. Du kan vere anonym.
home-deadline = Frist for nominasjonar til prisen for { $year }: { $deadline }. Vi tek imot nominasjonar heile året. Det som kjem inn etter fristen, går til prisen året etter.
home-nominate-button = Nominer eit tiltak
home-tip-button = Tips oss om eit tiltak
home-practice-heading = God mål- og resultatstyring
home-practice-lead = Prisen skal spreie ein arbeidsmåte som byggjer på desse erfaringane:
practice-goals = Styr strategisk mot overordna mål.
practice-indicators = Bruk styringsparametrar og indikatorar som indikasjonar, ikkje som fasit.
practice-trust = Vis tillit og deleger mynde og ansvar.
practice-learning = Dyrk ein kultur for læring og forbetring.
practice-users = Ta brukarane med på laget.
practice-context = Tilpass styringa til kontekst og situasjon.
practice-stepwise = Forbetre gradvis.
home-reading-heading = Lesestoff
home-reading-lead = For den som vil fordjupe seg i mål- og resultatstyring:

## Nomination form
nominate-title = Nominer eit tiltak
nominate-lead = Nominer eit tiltak i verksemda di til Bedre stat-prisen { $year }. Fristen er { $deadline }.
nominate-edit-title = Endre nominasjon { $reference }
nominate-edit-lead = Du kan endre nominasjonen fram til fristen { $deadline }.
nominate-closed = Fristen for denne runden gjekk ut { $deadline }. Nominasjonen kan ikkje endrast lenger, men du kan lese han her.
section-agency = Verksemda
section-contact = Kontaktperson
section-initiative = Tiltaket
section-effects = Resultat og effektar
section-consent = Forankring og samtykke
field-agency_name = Namnet på verksemda
field-org_number = Organisasjonsnummer
hint-org_number = Ni siffer, til dømes 986 252 932.
field-contact_name = Namn
field-contact_email = E-postadresse
hint-contact_email = Hit sender vi kvitteringa og lenkja du treng for å endre nominasjonen.
field-contact_phone = Telefonnummer
field-title = Namnet på tiltaket
field-categories = Område
hint-categories = Vel eitt eller fleire.
field-summary = Kort skildring
hint-summary = Kva er tiltaket? Nokre få setningar er nok.
field-background = Bakgrunn
hint-background = Kva problem skulle tiltaket løyse?
field-what_was_done = Kva vart gjort
field-results = Resultat og dokumenterte effektar på ressursbruken
field-savings_nok = Anslått innsparing i kroner per år
field-savings_hours = Anslått innsparing i timar per år
hint-savings = Heile tal. La feltet stå tomt dersom de ikkje har eit anslag.
field-user_effects = Verknader for brukarane og samfunnet
field-transfer_value = Kva kan andre lære av tiltaket?
field-other_agencies = Andre verksemder som har vore med
field-leadership_backing = Leiinga i verksemda står bak nominasjonen
field-consent_publish = Vi samtykkjer i at DFØ kan publisere ein omtale av tiltaket dersom det blir finalist
field-website = La dette feltet stå tomt
nominate-submit = Send nominasjonen
nominate-save = Lagre endringane

## Tip form
tip-title = Tips oss om eit tiltak
tip-lead = Kjenner du til eit tiltak som fortener Bedre stat-prisen? Tipset går til sekretariatet i DFØ. Du kan vere anonym.
section-tip = Tiltaket
section-tipster = Om deg (valfritt)
field-initiative = Kva er tiltaket?
field-agency = Kva verksemd står bak?
field-reason = Kvifor fortener tiltaket prisen?
field-tipster_name = Namnet ditt
field-tipster_email = E-postadressa di
hint-tipster_email = Skriv du inn e-postadressa di, får du ei kvittering.
field-may_contact = Sekretariatet kan kontakte meg om tipset
tip-submit = Send tipset

## Errors
error-summary-heading = Skjemaet har feil som må rettast
error-required = Feltet må fyllast ut.
error-too-long = Teksten er for lang.
error-org-number-format = Organisasjonsnummeret må ha ni siffer.
error-org-number-checksum = Organisasjonsnummeret er ikkje gyldig. Sjekk at du har skrive nummeret rett.
error-email-invalid = Skriv ei gyldig e-postadresse, til dømes namn@verksemd.no.
error-phone-invalid = Skriv eit gyldig telefonnummer med 8 til 15 siffer.
error-category-required = Vel minst eitt område.
error-category-unknown = Vel blant dei fire områda.
error-number-invalid = Skriv eit heilt tal utan bokstavar, til dømes 250 000.
error-email-required-for-contact = Skriv e-postadressa di dersom sekretariatet skal kunne kontakte deg.
error-honeypot = Vi kunne ikkje ta imot skjemaet.
error-csrf = Av omsyn til tryggleiken må skjemaet sendast på nytt. Det du skreiv, er teke vare på – trykk på knappen igjen.
error-rate-limited = Du har sendt mange skjema på kort tid. Vent litt og prøv igjen.
error-page-title = Noko gjekk gale
error-not-found = Vi fann ikkje sida.
error-link-invalid = Lenkja er ugyldig eller har gått ut.
error-unexpected = Det oppstod ein uventa feil. Ingenting vart lagra. Prøv igjen om litt.
error-back-home = Til framsida

## Receipts
receipt-nomination-title = Takk for nominasjonen
receipt-nomination-lead = Vi har teke imot nominasjonen «{ $title }» til Bedre stat-prisen { $year }.
receipt-reference = Referanse: { $reference }
receipt-nomination-email = Vi har sendt ei kvittering til { $email } med ei lenkje som du kan bruke til å endre nominasjonen fram til fristen { $deadline }.
receipt-nomination-updated = Endringane er lagra.
receipt-tip-title = Takk for tipset
receipt-tip-lead = Tipset er teke imot og sendt vidare til sekretariatet for Bedre stat-prisen.
receipt-tip-email = Vi har sendt ei kvittering til { $email }.
receipt-keep-reference = Ta vare på referansen dersom du vil kontakte oss om saka.

## E-mail
email-tip-forward-subject = Nytt tips til Bedre stat-prisen ({ $reference })
email-tip-forward-intro = Eit nytt tips har kome inn gjennom nettsida.
email-tip-anonymous = Tipsaren er anonym.
email-tip-may-contact-yes = Tipsaren kan kontaktast.
email-tip-may-contact-no = Tipsaren ønskjer ikkje å bli kontakta.
email-tip-receipt-subject = Kvittering for tips til Bedre stat-prisen ({ $reference })
email-tip-receipt-body = Takk for tipset ditt. Det er sendt vidare til sekretariatet for Bedre stat-prisen.
email-nomination-receipt-subject = Kvittering for nominasjon til Bedre stat-prisen ({ $reference })
email-nomination-receipt-body = Takk for nominasjonen av «{ $title }» til Bedre stat-prisen { $year }.
email-nomination-edit-link = Med denne lenkja kan du sjå og endre nominasjonen fram til fristen { $deadline }. Lenkja er personleg – ikkje del ho med andre:
email-signature = Venleg helsing sekretariatet for Bedre stat-prisen, DFØ
email-reference = Referanse
email-sent-at = Motteke

## Dates: { $day } is the day of the month, { $month } the month's name.
date-long = { $day }. { $month } { $year }
month-1 = januar
month-2 = februar
month-3 = mars
month-4 = april
month-5 = mai
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = desember

## Yes and no, in read-only views
answer-yes = Ja
answer-no = Nei

## Accounts: the secretariat and the jury
nav-logout = Logg ut
signed-in-as = Logga inn som { $name }
login-title = Logg inn
login-lead = For sekretariatet og juryen i Bedre stat-prisen.
field-email = E-postadresse
field-password = Passord
field-password_confirmation = Gjenta passordet
hint-password = Minst 12 teikn. Ei setning du hugsar, er eit godt passord.
login-submit = Logg inn
login-forgot-link = Gløymt passordet?
error-login-refused = Feil e-postadresse eller passord. Etter { $attempts } feil på rad blir kontoen sperra i { $minutes } minutt.
forgot-title = Gløymt passord
forgot-lead = Skriv e-postadressa du loggar inn med, så sender vi deg ei lenkje for å lage eit nytt passord.
forgot-submit = Send lenkja
forgot-sent = Dersom adressa høyrer til ein konto, har vi sendt ei lenkje dit. Lenkja gjeld i { $minutes } minutt.
password-title = Vel passord
password-lead = Vel eit passord for kontoen din. Alle andre innloggingar på kontoen blir avslutta.
password-submit = Lagre passordet
password-saved = Passordet er lagra. No kan du logge inn.
error-password-too-short = Passordet må ha minst 12 teikn.
error-password-mismatch = Passorda er ikkje like.
error-role-unknown = Vel ei rolle.
error-email-taken = Det finst alt ein konto med denne e-postadressa.
error-forbidden = Du har ikkje tilgang til denne sida.
secretariat-title = Sekretariatet
secretariat-lead = Oversikt over nominasjonar, tips, brukarar og e-post.
secretariat-counts = Nominasjonar: { $nominations }. Tips: { $tips }. E-post som ventar: { $waiting }. E-post som ikkje kunne sendast: { $failed }.
secretariat-users-heading = Brukarar
secretariat-invite-heading = Inviter ein brukar
field-name = Namn
field-role = Rolle
role-admin = Sekretariatet
role-juror = Jurymedlem
secretariat-invite-submit = Send invitasjonen
secretariat-invited = Invitasjonen er send. Lenkja for å velje passord gjeld i { $hours } timar.
jury-title = Juryen
jury-lead = Velkomen, { $name }.
jury-no-round = Nominasjonane du skal vurdere, kjem her når sekretariatet har opna juryarbeidet.
email-hello = Hei, { $name }!
email-account-invite-subject = Invitasjon til Bedre stat-prisen
email-account-invite-body = Du har fått ein konto i portalen for Bedre stat-prisen. Vel passordet ditt med denne lenkja:
email-account-invite-expiry = Lenkja kan brukast éin gong og gjeld i { $hours } timar.
email-account-reset-subject = Nytt passord til Bedre stat-prisen
email-account-reset-body = Nokon har bede om eit nytt passord til kontoen din. Var det ikkje deg, kan du sjå bort frå denne e-posten. Vil du lage eit nytt passord, bruker du denne lenkja:
email-account-reset-expiry = Lenkja kan brukast éin gong og gjeld i { $minutes } minutt.
