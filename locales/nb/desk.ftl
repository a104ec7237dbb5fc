# The round at a glance (/sekretariat), the juror's progress (/jury), the scoring page and
# the jury's reminders (issue 8, §§ 1, 5 and 6).

desk-glance-heading = Runden på et øyeblikk
desk-page-nav = På denne siden
desk-no-open-round = Ingen runde er åpen. Opprett neste års runde under Runder.
desk-round-heading = Bedre stat-prisen { $year }
desk-phase-now = Fase: { $phase }.
desk-next-nominations = Neste steg: når nominasjonene er vurdert, starter juryen poenggivningen.
desk-next-scoring = Neste steg: når juryen har levert, åpnes diskusjonen, der alle i juryen ser alle vurderingene.
desk-next-discussion = Neste steg: registrer vinneren med begrunnelse på resultatsiden, og avslutt runden.
desk-next-decided = Runden er avsluttet.
desk-move-to = Gå videre til fasen «{ $phase }»
desk-phase-moved = Runden er flyttet til neste fase.
desk-phase-not-moved = Runden var allerede flyttet. Ingenting er endret.
desk-deadlines-heading = Frister
desk-deadline-nomination = Nominasjonsfrist
desk-deadline-jury = Juryens frist
desk-deadline-conference = Styringskonferansen
desk-days-left = { $days ->
    [0] i dag
    [1] i morgen
   *[other] om { $days } dager
}
desk-days-ago = { $days ->
    [1] i går
   *[other] for { $days } dager siden
}
desk-no-jury-deadline = Juryen har ingen frist ennå.
desk-set-dates = Endre frister og fase på rundesiden
desk-nominations-heading = Nominasjoner
desk-nominations-new = Nye, ikke vurdert
desk-nominations-eligible = Kvalifisert
desk-nominations-excluded = Avvist
desk-nominations-carried = Overført fra tidligere runde
desk-nominations-link = Se og vurder nominasjonene
desk-jury-heading = Juryens framdrift
desk-jury-caption = Hvert jurymedlems vurdering av hver nominasjon
desk-col-juror = Jurymedlem
desk-col-done = Sendt inn
desk-done-of = { $submitted } av { $total }
desk-cell-not_assigned = Ikke tildelt
desk-cell-conflicted = Inhabil
desk-cell-not_started = Ikke påbegynt
desk-cell-draft = Utkast
desk-cell-submitted = Sendt inn
desk-no-jurors = Ingen jurymedlemmer har konto ennå.
desk-no-eligible = Ingen nominasjoner er kvalifisert ennå.
desk-remind-button = Send påminnelse nå til { $count } jurymedlemmer som ikke er ferdige
desk-and = og
desk-remind-explained = Juryen får automatisk påminnelse { $days } dager før fristen. Inhabilitet teller ikke som noe som gjenstår.
desk-reminder-sent = Påminnelse er lagt i e-postkøen til { $count } jurymedlemmer.
desk-reminder-sent-some-today = Påminnelse er lagt i e-postkøen til { $count } jurymedlemmer. { $today } hadde alt fått en påminnelse i dag og får ingen ny før i morgen.
desk-reminder-not-scoring = Påminnelser kan bare sendes mens juryen gir poeng og fristen er satt.
desk-conflicts-link = Habilitetssaker
desk-results-link = Resultater og vedtak
desk-tips-heading = Tips
desk-tips-counts = { $total } tips i alt, etter status:
desk-tips-link = Se tipsene
desk-mail-heading = E-post
desk-mail-waiting = Venter på å bli sendt: { $count }
desk-mail-failed = Kunne ikke sendes: { $count }
desk-mail-ok = Ingen e-post har feilet.
desk-mail-link = Se e-postkøen
desk-users-link = Brukere og invitasjoner

desk-jury-progress = { $submitted } av { $total } vurdert
desk-jury-deadline = Juryens frist: { $date } ({ $when }).
desk-jury-left-heading = Dette gjenstår
desk-jury-all-done = Du har sendt inn alle vurderingene dine. Takk!

desk-scoring-drafts = Alt du har skrevet lagres hver gang du trykker på en av knappene. Et utkast kan du endre til du sender inn.
desk-conflict-summary = Meld fra om at du kan være inhabil
desk-scale-summary = Slik brukes skalaen 0–5
desk-criterion-summary = Om kriteriet
desk-error-score-required = Velg en poengsum for { $criterion }.
desk-error-score-range = Velg en poengsum fra 0 til 5 for { $criterion }.
desk-error-justification-required = Skriv en kort begrunnelse for poengsummen for { $criterion }.
desk-error-justification-long = Gjør begrunnelsen for { $criterion } kortere (høyst 1000 tegn).
desk-error-holistic-required = Skriv en helhetsvurdering før du sender inn.

email-jury-reminder-subject = Påminnelse: juryens frist for Bedre stat-prisen { $year } er { $deadline }
email-jury-reminder-body = Juryens frist for Bedre stat-prisen { $year } er { $deadline } ({ $days ->
    [0] i dag
    [1] i morgen
   *[other] om { $days } dager
}). Du har sendt inn { $submitted } av { $total } vurderinger. Disse gjenstår:
email-jury-reminder-drafts = Utkastene dine er lagret. Du kan fortsette der du slapp:
