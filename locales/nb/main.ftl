## Bokmål — the default language. Every id here must exist in nn and en too
## (checked by a unit test in src/i18n.rs).

site-name = Bedre stat-prisen
site-owner = Direktoratet for forvaltning og økonomistyring (DFØ)
skip-to-content = Hopp til hovedinnhold
language-nav-label = Velg språk
optional = (valgfritt)
required-note = Felt uten «valgfritt» må fylles ut.
footer-about = Bedre stat-prisen deles ut av DFØ under Styringskonferansen.
footer-privacy = Personopplysninger i nominasjoner og tips brukes bare i arbeidet med prisen. Logger inneholder aldri navn, e-postadresser eller fritekst.
footer-contact = Spørsmål? Skriv til { $address }.

## Home page
home-title = Bedre stat-prisen
home-page-title = Forside
home-lead = Hvert år kårer DFØ det tiltaket som best har bidratt til effektiv ressursbruk i staten – innen styring, kontroll, innsparing eller kvalitetsforbedring. Prisen deles ut under Styringskonferansen.
home-purpose-heading = Hvorfor prisen finnes
home-purpose = Målet er å løfte fram gode eksempler, inspirere og dele erfaringer mellom virksomheter.
home-areas-heading = De fire områdene
area-styring = Styring
area-styring-description = Bedre mål- og resultatstyring, prioritering og ledelse.
area-kontroll = Kontroll
area-kontroll-description = Bedre internkontroll og risikostyring som hindrer feil og sløsing.
area-innsparing = Innsparing
area-innsparing-description = Dokumenterte besparelser i kroner eller timer.
area-kvalitetsforbedring = Kvalitetsforbedring
area-kvalitetsforbedring-description = Bedre tjenester for brukerne med de samme ressursene.
home-jury-heading = Hva juryen ser etter
home-jury-goal = målet med tiltaket, og om det er nådd
home-jury-effects = virkninger for virksomheten, brukerne og samfunnet
home-jury-transfer = hva andre kan lære (overføringsverdi)
home-jury-innovation = om tiltaket er nyskapende
home-jury-gains = dokumentert effektivisering
home-jury-holistic = Juryen gjør en helhetsvurdering. Poeng per kriterium er en indikasjon, ikke en fasit – også små tiltak kan vinne.
home-how-heading = Slik deltar du
home-how-nominate = Virksomheter nominerer egne tiltak gjennom skjemaet. Dere får en referanse og en kvittering, og kan endre nominasjonen fram til fristen.
home-how-tip = Alle kan tipse sekretariatet om et tiltak. Du kan være anonym.
home-deadline = Frist for nominasjoner til prisen for { $year }: { $deadline }. Nominasjoner tas imot hele året; det som kommer inn etter fristen, går til prisen året etter.
home-nominate-button = Nominer et tiltak
home-tip-button = Tips oss om et tiltak
home-practice-heading = God mål- og resultatstyring
home-practice-lead = Prisen skal spre en arbeidsmåte som bygger på disse erfaringene:
practice-goals = Styr strategisk mot overordnede mål.
practice-indicators = Bruk styringsparametere og indikatorer som indikasjoner, ikke som fasit.
practice-trust = Vis tillit og deleger myndighet og ansvar.
practice-learning = Dyrk en kultur for læring og forbedring.
practice-users = Ta brukerne med på lag.
practice-context = Tilpass styringen til kontekst og situasjon.
practice-stepwise = Forbedre gradvis.
home-reading-heading = Lesestoff
home-reading-lead = For den som vil fordype seg i mål- og resultatstyring:

## Nomination form
nominate-title = Nominer et tiltak
nominate-lead = Nominer et tiltak i din virksomhet til Bedre stat-prisen { $year }. Fristen er { $deadline }.
nominate-edit-title = Endre nominasjon { $reference }
nominate-edit-lead = Du kan endre nominasjonen fram til fristen { $deadline }.
nominate-closed = Fristen for denne runden gikk ut { $deadline }. Nominasjonen kan ikke lenger endres, men du kan lese den her.
section-agency = Virksomheten
section-contact = Kontaktperson
section-initiative = Tiltaket
section-effects = Resultater og effekter
section-consent = Forankring og samtykke
field-agency_name = Virksomhetens navn
field-org_number = Organisasjonsnummer
hint-org_number = Ni sifre, for eksempel 986 252 932.
field-contact_name = Navn
field-contact_email = E-postadresse
hint-contact_email = Vi sender kvitteringen og lenken for å endre nominasjonen hit.
field-contact_phone = Telefonnummer
field-title = Tiltakets navn
field-categories = Område
hint-categories = Velg ett eller flere.
field-summary = Kort beskrivelse
hint-summary = Hva er tiltaket? Noen få setninger holder.
field-background = Bakgrunn
hint-background = Hvilket problem skulle tiltaket løse?
field-what_was_done = Hva ble gjort
field-results = Resultater og dokumenterte effekter på ressursbruken
field-savings_nok = Anslått besparelse i kroner per år
field-savings_hours = Anslått besparelse i timer per år
hint-savings = Hele tall. La feltet stå tomt hvis dere ikke har et anslag.
field-user_effects = Virkninger for brukerne og samfunnet
field-transfer_value = Hva kan andre lære av tiltaket?
field-other_agencies = Andre virksomheter som har deltatt
field-leadership_backing = Ledelsen i virksomheten står bak nominasjonen
field-consent_publish = Vi samtykker i at DFØ kan publisere en omtale av tiltaket hvis det blir finalist
field-website = La dette feltet stå tomt
nominate-submit = Send nominasjonen
nominate-save = Lagre endringene

## Tip form
tip-title = Tips oss om et tiltak
tip-lead = Kjenner du til et tiltak som fortjener Bedre stat-prisen? Tipset går til sekretariatet i DFØ. Du kan være anonym.
section-tip = Tiltaket
section-tipster = Om deg (valgfritt)
field-initiative = Hva er tiltaket?
field-agency = Hvilken virksomhet står bak?
field-reason = Hvorfor fortjener tiltaket prisen?
field-tipster_name = Navnet ditt
field-tipster_email = E-postadressen din
hint-tipster_email = Oppgir du e-postadressen din, får du en kvittering.
field-may_contact = Sekretariatet kan kontakte meg om tipset
tip-submit = Send tipset

## Errors
error-summary-heading = Skjemaet har feil som må rettes
error-required = Feltet må fylles ut.
error-too-long = Teksten er for lang.
error-org-number-format = Organisasjonsnummeret må ha ni sifre.
error-org-number-checksum = Organisasjonsnummeret er ikke gyldig. Sjekk at sifrene er riktige.
error-email-invalid = Skriv en gyldig e-postadresse, for eksempel navn@virksomhet.no.
error-phone-invalid = Skriv et gyldig telefonnummer med 8 til 15 sifre.
error-category-required = Velg minst ett område.
error-category-unknown = Velg blant de fire områdene.
error-number-invalid = Skriv et helt tall uten bokstaver, for eksempel 250 000.
error-email-required-for-contact = Skriv e-postadressen din hvis sekretariatet skal kunne kontakte deg.
error-honeypot = Skjemaet kunne ikke tas imot.
error-csrf = Av sikkerhetshensyn må skjemaet sendes på nytt. Det du skrev, er tatt vare på – trykk på knappen igjen.
error-rate-limited = Du har sendt mange skjemaer på kort tid. Vent litt og prøv igjen.
error-page-title = Noe gikk galt
error-not-found = Vi fant ikke siden.
error-link-invalid = Lenken er ugyldig eller utløpt.
error-unexpected = Det oppstod en uventet feil. Ingenting ble lagret. Prøv igjen om litt.
error-back-home = Til forsiden

## Receipts
receipt-nomination-title = Takk for nominasjonen
receipt-nomination-lead = Vi har tatt imot nominasjonen «{ $title }» til Bedre stat-prisen { $year }.
receipt-reference = Referanse: { $reference }
receipt-nomination-email = Vi har sendt en kvittering til { $email } med en lenke der du kan endre nominasjonen fram til fristen { $deadline }.
receipt-nomination-updated = Endringene er lagret.
receipt-tip-title = Takk for tipset
receipt-tip-lead = Tipset er tatt imot og sendt videre til sekretariatet for Bedre stat-prisen.
receipt-tip-email = Vi har sendt en kvittering til { $email }.
receipt-keep-reference = Ta vare på referansen hvis du vil kontakte oss om saken.

## E-mail
email-tip-forward-subject = Nytt tips til Bedre stat-prisen ({ $reference })
email-tip-forward-intro = Et nytt tips er kommet inn gjennom nettsiden.
email-tip-anonymous = Tipseren er anonym.
email-tip-may-contact-yes = Tipseren kan kontaktes.
email-tip-may-contact-no = Tipseren ønsker ikke å bli kontaktet.
email-tip-receipt-subject = Kvittering for tips til Bedre stat-prisen ({ $reference })
email-tip-receipt-body = Takk for tipset ditt. Det er sendt videre til sekretariatet for Bedre stat-prisen.
email-nomination-receipt-subject = Kvittering for nominasjon til Bedre stat-prisen ({ $reference })
email-nomination-receipt-body = Takk for nominasjonen av «{ $title }» til Bedre stat-prisen { $year }.
email-nomination-edit-link = Du kan se og endre nominasjonen fram til fristen { $deadline } med denne lenken. Lenken er personlig – ikke del den:
email-signature = Vennlig hilsen sekretariatet for Bedre stat-prisen, DFØ
email-reference = Referanse
email-sent-at = Mottatt

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
signed-in-as = Logget inn som { $name }
login-title = Logg inn
login-lead = For sekretariatet og juryen i Bedre stat-prisen.
field-email = E-postadresse
field-password = Passord
field-password_confirmation = Gjenta passordet
hint-password = Minst 12 tegn. En setning du husker, er et godt passord.
login-submit = Logg inn
login-forgot-link = Glemt passordet?
error-login-refused = Feil e-postadresse eller passord. Etter { $attempts } feil på rad blir kontoen sperret i { $minutes } minutter.
forgot-title = Glemt passord
forgot-lead = Skriv e-postadressen du logger inn med, så sender vi deg en lenke for å lage et nytt passord.
forgot-submit = Send lenken
forgot-sent = Hvis adressen hører til en konto, har vi sendt en lenke dit. Lenken gjelder i { $minutes } minutter.
password-title = Velg passord
password-lead = Velg et passord for kontoen din. Alle andre innlogginger på kontoen blir avsluttet.
password-submit = Lagre passordet
password-saved = Passordet er lagret. Nå kan du logge inn.
error-password-too-short = Passordet må ha minst 12 tegn.
error-password-mismatch = Passordene er ikke like.
error-role-unknown = Velg en rolle.
error-email-taken = Det finnes allerede en konto med denne e-postadressen.
error-forbidden = Du har ikke tilgang til denne siden.
secretariat-title = Sekretariatet
secretariat-lead = Oversikt over nominasjoner, tips, brukere og e-post.
secretariat-counts = Nominasjoner: { $nominations }. Tips: { $tips }. E-post som venter: { $waiting }. E-post som ikke kunne sendes: { $failed }.
secretariat-users-heading = Brukere
secretariat-invite-heading = Inviter en bruker
field-name = Navn
field-role = Rolle
role-admin = Sekretariatet
role-juror = Jurymedlem
secretariat-invite-submit = Send invitasjonen
secretariat-invited = Invitasjonen er sendt. Lenken for å velge passord gjelder i { $hours } timer.
jury-title = Juryen
jury-lead = Velkommen, { $name }.
jury-no-round = Nominasjonene du skal vurdere, kommer her når sekretariatet har åpnet juryarbeidet.
email-hello = Hei, { $name }!
email-account-invite-subject = Invitasjon til Bedre stat-prisen
email-account-invite-body = Du har fått en konto i portalen for Bedre stat-prisen. Velg passordet ditt med denne lenken:
email-account-invite-expiry = Lenken kan brukes én gang og gjelder i { $hours } timer.
email-account-reset-subject = Nytt passord til Bedre stat-prisen
email-account-reset-body = Noen har bedt om et nytt passord til kontoen din. Var det ikke deg, kan du se bort fra denne e-posten. Vil du lage et nytt passord, bruker du denne lenken:
email-account-reset-expiry = Lenken kan brukes én gang og gjelder i { $minutes } minutter.
