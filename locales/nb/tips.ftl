# The secretariat's triage of tips, the search and the filtered list of nominations.
tips-state = Status
tips-state-new = Nytt
tips-state-under_review = Under vurdering
tips-state-linked = Koblet til nominasjon
tips-state-invited = Virksomheten invitert
tips-state-closed = Lukket
tips-action-review = starte vurderingen
tips-action-link = koble tipset til en nominasjon
tips-action-invite = invitere virksomheten
tips-action-close = lukke tipset
tips-action-reopen = gjenåpne tipset
tips-refused-not-from = Kan ikke { $action }: tipset har status «{ $state }».
tips-refused-changed = Noen andre endret tipset samtidig, og det har nå status «{ $state }». Se over tipset og prøv igjen om det trengs.
tips-triaged = Lagret. Tipset har nå status «{ $state }».
tips-back = Tilbake til tipsene
tips-heading = Tips { $reference }
tips-triaged-at = sist endret
tips-tipster = Tipser
tips-tipster-anonymous = Tipseren er anonym.
tips-tipster-no-contact = Tipseren ønsker ikke å bli kontaktet.
tips-language = Skrevet på
tips-language-nb = bokmål
tips-language-nn = nynorsk
tips-language-en = engelsk
tips-linked-to = Koblet til
tips-triage-heading = Behandling
tips-review-lead = Marker at sekretariatet ser på tipset.
tips-action-review-button = Start vurdering
tips-reopen-lead = Gjenåpne tipset for å behandle det på nytt. Koblingen eller begrunnelsen for lukking fjernes.
tips-action-reopen-button = Gjenåpne
tips-link-heading = Koble til en nominasjon
tips-action-link-button = Koble til nominasjonen
tips-link-none = Det finnes ingen nominasjoner å koble tipset til ennå.
tips-invite-heading = Inviter virksomheten til å nominere
tips-invite-lead = E-posten er fylt ut på forhånd. Rett den som du vil før du sender. Den sendes gjennom utboksen, og svar går til sekretariatet.
tips-invite-draft-language = Språk i e-posten
tips-invite-draft-button = Fyll inn malen på dette språket
tips-invite-in-language = Malen er på
tips-invite-recipient-hint = Adressen til virksomheten, for eksempel postmottak@virksomhet.no.
tips-action-invite-button = Send invitasjonen
tips-close-heading = Lukk tipset
tips-close-hint = For eksempel: utenfor ordningen, duplikat av et annet tips, for lite å gå videre med.
tips-action-close-button = Lukk tipset
tips-duplicates-heading = Mulige duplikater
tips-duplicates-lead = Tips og nominasjoner som gjelder samme virksomhet eller har lignende tekst, side om side med dette tipset.
tips-duplicate-caption = Sammenligning med { $reference }
tips-duplicate-same-agency = samme virksomhet
tips-duplicate-similarity = { $percent } % lik tekst
tips-duplicate-this = Dette tipset ({ $reference })
tips-duplicate-kind-tip = Tips { $reference }
tips-duplicate-kind-nomination = Nominasjon { $reference }
tips-duplicate-text = Tekst
tips-duplicates-none = Ingen andre tips eller nominasjoner ligner på dette.
tips-linked-heading = Tips om dette tiltaket
field-link_nomination = Nominasjon
field-closed_reason = Begrunnelse for lukking
field-invite_recipient = Til (e-postadresse)
field-invite_language = Språk
field-invite_subject = Emne
field-invite_body = Tekst
email-agency-invitation-subject = Invitasjon til å nominere til Bedre stat-prisen
email-agency-invitation-greeting = Hei!
email-agency-invitation-intro = Sekretariatet for Bedre stat-prisen har fått et tips om et tiltak hos { $agency }:
email-agency-invitation-ask = Vi vil gjerne at dere nominerer tiltaket. Nominasjonsskjemaet finner dere her:
email-agency-invitation-about = Bedre stat-prisen deles ut av DFØ til tiltak som har bidratt til effektiv ressursbruk i staten, innenfor styring, kontroll, innsparing eller kvalitetsforbedring. Svar gjerne på denne e-posten hvis dere har spørsmål.
search-link = Søk i nominasjoner og tips
search-title = Søk
search-lead = Søk i all tekst i nominasjoner og tips. Bøyde former gir treff: «innkjøp» finner også «innkjøpene».
search-field = Søkeord
search-button = Søk
search-results = { $count ->
    [0] Ingen treff
    [one] Ett treff
   *[other] { $count } treff
}
search-kind-tip = Tips
search-kind-nomination = Nominasjon
search-none = Ingen nominasjoner eller tips inneholder alle søkeordene.
find-link = Alle nominasjoner, med filtre
find-title = Nominasjoner
find-round = Runde
find-any = Alle
find-agency = Virksomhet (navn eller organisasjonsnummer)
find-button = Vis
find-count = { $count ->
    [0] Ingen nominasjoner
    [one] Én nominasjon
   *[other] { $count } nominasjoner
}
secretariat-mail-purpose-agency_invitation = Invitasjon til virksomhet om å nominere
