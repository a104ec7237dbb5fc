## Nominating made easy: drafts ("Lagre og fortsett senere") and the receipt's next steps.

draft-save = Lagre og fortsett senere
draft-save-hint = Lagrer det du har skrevet uten å sende det inn, og sender deg en lenke på e-post så du kan fortsette senere. Bare e-postadressen må være fylt ut.
draft-title = Fortsett på nominasjonen
draft-lead = Dette er et utkast som ikke er sendt inn. Når du sender det, blir det en nominasjon til Bedre stat-prisen { $year } (fristen er { $deadline }). Utkastet slettes { $expires } hvis du ikke lagrer det igjen eller sender det inn før.
draft-saved-title = Utkastet er lagret
draft-saved-email = Vi har sendt en lenke til { $email }. Med den kan du fortsette der du slapp og sende inn nominasjonen. Utkastet slettes { $expires } hvis du ikke lagrer det igjen eller sender det inn før.
draft-saved-not-sent = Et utkast er ikke en nominasjon: sekretariatet ser det ikke før du sender det inn. Får du ikke e-posten, kan du se i mappen for søppelpost.
draft-saved-again = Utkastet er lagret. Det slettes { $expires } hvis du ikke lagrer det igjen eller sender det inn før.
drafts-count = Nominasjonsutkast under arbeid (ikke sendt inn; bare antallet vises): { $count }
# Mail about a draft goes to an address nobody has confirmed: fixed text and the link only.
email-draft-subject = Lenke til utkastet ditt – Bedre stat-prisen
email-draft-reminder-subject = Utkastet ditt til Bedre stat-prisen slettes snart
email-draft-saved = Du har lagret et utkast til en nominasjon til Bedre stat-prisen. Det er ikke sendt inn.
email-draft-reminder = Du har et utkast til en nominasjon til Bedre stat-prisen som ikke er sendt inn.
email-draft-link = Med denne lenken kan du fortsette på utkastet og sende det inn. Utkastet slettes { $expires }. Lenken er personlig – ikke del den:
receipt-next-heading = Hva skjer nå
receipt-next-screening = Etter fristen { $deadline } går sekretariatet gjennom nominasjonen og sjekker at den oppfyller kravene. Vi kontakter deg hvis noe er uklart.
receipt-next-jury = Juryen vurderer nominasjonene som går videre, og velger ut finalister og en vinner.
receipt-next-conference = Vinneren blir kåret på Styringskonferansen { $date }.
receipt-next-conference-unknown = Vinneren blir kåret på Styringskonferansen tidlig i { $year }.
receipt-sent-heading = Dette sendte du inn
