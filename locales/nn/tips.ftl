# The secretariat's triage of tips, the search and the filtered list of nominations.
tips-state = Status
tips-state-new = Nytt
tips-state-under_review = Under vurdering
tips-state-linked = Kopla til nominasjon
tips-state-invited = Verksemda invitert
tips-state-closed = Lukka
tips-action-review = starte vurderinga
tips-action-link = kople tipset til ein nominasjon
tips-action-invite = invitere verksemda
tips-action-close = lukke tipset
tips-action-reopen = opne tipset att
tips-refused-not-from = Kan ikkje { $action }: tipset har status «{ $state }».
tips-refused-changed = Nokon andre endra tipset samstundes, og det har no status «{ $state }». Sjå over tipset og prøv igjen om det trengst.
tips-triaged = Lagra. Tipset har no status «{ $state }».
tips-back = Tilbake til tipsa
tips-heading = Tips { $reference }
tips-triaged-at = sist endra
tips-tipster = Tipsar
tips-tipster-anonymous = Tipsaren er anonym.
tips-tipster-no-contact = Tipsaren ønskjer ikkje å bli kontakta.
tips-language = Skrive på
tips-language-nb = bokmål
tips-language-nn = nynorsk
tips-language-en = engelsk
tips-linked-to = Kopla til
tips-triage-heading = Handsaming
tips-review-lead = Marker at sekretariatet ser på tipset.
tips-action-review-button = Start vurdering
tips-reopen-lead = Opne tipset att for å handsame det på nytt. Koplinga eller grunngivinga for lukkinga blir fjerna.
tips-action-reopen-button = Opne att
tips-link-heading = Kople til ein nominasjon
tips-action-link-button = Kople til nominasjonen
tips-link-none = Det finst ingen nominasjonar å kople tipset til enno.
tips-invite-heading = Inviter verksemda til å nominere
tips-invite-lead = E-posten er fylt ut på førehand. Rett han som du vil før du sender. Han blir send gjennom utboksen, og svar går til sekretariatet.
tips-invite-draft-language = Språk i e-posten
tips-invite-draft-button = Fyll inn malen på dette språket
tips-invite-in-language = Malen er på
tips-invite-recipient-hint = Adressa til verksemda, til dømes postmottak@verksemd.no.
tips-action-invite-button = Send invitasjonen
tips-close-heading = Lukk tipset
tips-close-hint = Til dømes: utanfor ordninga, duplikat av eit anna tips, for lite å gå vidare med.
tips-action-close-button = Lukk tipset
tips-duplicates-heading = Moglege duplikat
tips-duplicates-lead = Tips og nominasjonar som gjeld same verksemd eller har liknande tekst, side om side med dette tipset.
tips-duplicate-caption = Samanlikning med { $reference }
tips-duplicate-same-agency = same verksemd
tips-duplicate-similarity = { $percent } % lik tekst
tips-duplicate-this = Dette tipset ({ $reference })
tips-duplicate-kind-tip = Tips { $reference }
tips-duplicate-kind-nomination = Nominasjon { $reference }
tips-duplicate-text = Tekst
tips-duplicates-none = Ingen andre tips eller nominasjonar liknar på dette.
tips-linked-heading = Tips om dette tiltaket
field-link_nomination = Nominasjon
field-closed_reason = Grunngiving for lukking
field-invite_recipient = Til (e-postadresse)
field-invite_language = Språk
field-invite_subject = Emne
field-invite_body = Tekst
email-agency-invitation-subject = Invitasjon til å nominere til Bedre stat-prisen
email-agency-invitation-greeting = Hei!
email-agency-invitation-intro = Sekretariatet for Bedre stat-prisen har fått eit tips om eit tiltak hos { $agency }:
email-agency-invitation-ask = Vi vil gjerne at de nominerer tiltaket. Nominasjonsskjemaet finn de her:
email-agency-invitation-about = Bedre stat-prisen blir delt ut av DFØ til tiltak som har bidrege til effektiv ressursbruk i staten, innanfor styring, kontroll, innsparing eller kvalitetsforbetring. Svar gjerne på denne e-posten om de har spørsmål.
search-link = Søk i nominasjonar og tips
search-title = Søk
search-lead = Søk i all tekst i nominasjonar og tips. Bøygde former gir treff: «innkjøp» finn også «innkjøpa».
search-field = Søkjeord
search-button = Søk
search-results = { $count ->
    [0] Ingen treff
    [one] Eitt treff
   *[other] { $count } treff
}
search-kind-tip = Tips
search-kind-nomination = Nominasjon
search-none = Ingen nominasjonar eller tips inneheld alle søkjeorda.
find-link = Alle nominasjonar, med filter
find-title = Nominasjonar
find-round = Runde
find-any = Alle
find-agency = Verksemd (namn eller organisasjonsnummer)
find-button = Vis
find-count = { $count ->
    [0] Ingen nominasjonar
    [one] Éin nominasjon
   *[other] { $count } nominasjonar
}
secretariat-mail-purpose-agency_invitation = Invitasjon til verksemd om å nominere
