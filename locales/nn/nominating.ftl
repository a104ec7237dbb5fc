## Nominating made easy: drafts ("Lagre og hald fram seinare") and the receipt's next steps.

draft-save = Lagre og hald fram seinare
draft-save-hint = Lagrar det du har skrive utan å sende det inn, og sender deg ei lenkje på e-post så du kan halde fram seinare. Berre e-postadressa må vere fylt ut.
draft-title = Hald fram med nominasjonen
draft-lead = Dette er eit utkast som ikkje er sendt inn. Når du sender det, blir det ein nominasjon til Bedre stat-prisen { $year } (fristen er { $deadline }). Utkastet blir sletta { $expires } dersom du ikkje lagrar det på nytt eller sender det inn før.
draft-saved-title = Utkastet er lagra
draft-saved-email = Vi har sendt ei lenkje til { $email }. Med henne kan du halde fram der du slapp og sende inn nominasjonen. Utkastet blir sletta { $expires } dersom du ikkje lagrar det på nytt eller sender det inn før.
draft-saved-not-sent = Eit utkast er ikkje ein nominasjon: sekretariatet ser det ikkje før du sender det inn. Får du ikkje e-posten, kan du sjå i mappa for søppelpost.
draft-saved-again = Utkastet er lagra. Det blir sletta { $expires } dersom du ikkje lagrar det på nytt eller sender det inn før.
drafts-count = Nominasjonsutkast under arbeid (ikkje sende inn; berre talet blir vist): { $count }
# Mail about a draft goes to an address nobody has confirmed: fixed text and the link only.
email-draft-subject = Lenkje til utkastet ditt – Bedre stat-prisen
email-draft-reminder-subject = Utkastet ditt til Bedre stat-prisen blir snart sletta
email-draft-saved = Du har lagra eit utkast til ein nominasjon til Bedre stat-prisen. Det er ikkje sendt inn.
email-draft-reminder = Du har eit utkast til ein nominasjon til Bedre stat-prisen som ikkje er sendt inn.
email-draft-link = Med denne lenkja kan du halde fram med utkastet og sende det inn. Utkastet blir sletta { $expires }. Lenkja er personleg – ikkje del ho med andre:
receipt-next-heading = Kva skjer no
receipt-next-screening = Etter fristen { $deadline } går sekretariatet gjennom nominasjonen og sjekkar at han oppfyller krava. Vi kontaktar deg dersom noko er uklart.
receipt-next-jury = Juryen vurderer nominasjonane som går vidare, og vel ut finalistar og ein vinnar.
receipt-next-conference = Vinnaren blir kåra på Styringskonferansen { $date }.
receipt-next-conference-unknown = Vinnaren blir kåra på Styringskonferansen tidleg i { $year }.
receipt-sent-heading = Dette sende du inn
