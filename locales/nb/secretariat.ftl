## The secretariat's management of the jury's work: rounds, rubric, screening,
## assignments, impartiality and the audit log.

secretariat-work-heading = Juryarbeidet
secretariat-link-rounds = Runder, vurderingskriterier og nominasjoner
secretariat-link-conflicts = Habilitet
secretariat-link-log = Logg over hendelser
secretariat-back-overview = Tilbake til oversikten
secretariat-back-rounds = Tilbake til rundene
secretariat-back-round = Tilbake til runden
secretariat-back-nominations = Tilbake til nominasjonene for { $year }
secretariat-back-conflicts = Tilbake til habilitet
secretariat-saved = Endringen er lagret.
secretariat-save = Lagre
secretariat-edit = Endre
secretariat-remove = Fjern
secretariat-actions = Handlinger
secretariat-yes = Ja
secretariat-no = Nei
secretariat-date-hint = Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2027-10-01.
error-round-year-taken = Det finnes allerede en runde for dette prisåret.

## Rounds
secretariat-rounds-title = Runder
secretariat-rounds-none = Det er ingen runder ennå.
secretariat-round-new-heading = Ny runde
secretariat-round-new-lead = Fristen for nominasjoner gjelder til midnatt norsk tid. Runden får standardkriteriene, som du kan endre til den første poengsummen er gitt.
secretariat-round-create = Opprett runden
secretariat-round-title = Runden for { $year }
secretariat-round-nominations-link = Nominasjonene i runden ({ $count })
secretariat-round-edit-heading = Datoer og fase
secretariat-threshold-hint = Standardavvik på skalaen 0–5 der uenighet i juryen blir markert, for eksempel 1,0.
field-prize_year = Prisår
field-nomination_deadline = Frist for nominasjoner
field-jury_deadline = Frist for juryens vurderinger
field-conference_date = Dato for Styringskonferansen
field-round_phase = Fase
field-disagreement_threshold = Terskel for uenighet
secretariat-phase-nominations = Nominasjon
secretariat-phase-scoring = Vurdering
secretariat-phase-discussion = Diskusjon
secretariat-phase-decided = Avgjort

## Rubric
secretariat-rubric-heading = Vurderingskriterier
secretariat-rubric-open = Kriteriene kan endres til den første poengsummen i runden er gitt. Da låses de.
secretariat-rubric-locked = Kriteriene er låst fordi juryen har begynt å gi poeng i denne runden.
secretariat-rubric-refused = Endringen ble ikke lagret: kriteriene er låst fordi juryen har begynt å gi poeng.
secretariat-criterion-add-heading = Legg til et kriterium
secretariat-criterion-add = Legg til kriteriet
secretariat-criterion-edit-heading = Endre kriteriet
secretariat-weight-hint = Et tall større enn 0, for eksempel 1 eller 1,5.
field-criterion_name = Kriterium
field-criterion_description = Beskrivelse
field-criterion_weight = Vekt
secretariat-scale-heading = Skalaen 0–5
secretariat-scale-lead = Hvert kriterium får en poengsum fra 0 til 5 med en kort begrunnelse. Poengsummene er en støtte for juryens helhetsvurdering, ikke en fasit.
secretariat-scale-value = Poeng
secretariat-scale-meaning = Betydning
anchor-0 = Ingen bidrag på dette området.
anchor-1 = Lite bidrag: noen spor av effekt, men svakt underbygd.
anchor-2 = Noe bidrag: en tydelig, men begrenset effekt.
anchor-3 = Godt bidrag: en klar og dokumentert effekt.
anchor-4 = Sterkt bidrag: en betydelig og godt dokumentert effekt som andre kan lære av.
anchor-5 = Fremragende: en eksepsjonell effekt, godt dokumentert, og et forbilde for staten.

## Screening and assignments
secretariat-nominations-title = Nominasjoner for { $year }
secretariat-nominations-none = Runden har ingen nominasjoner ennå.
secretariat-reference = Referanse
secretariat-status = Status
secretariat-status-submitted = Ikke vurdert
secretariat-status-eligible = Kvalifisert
secretariat-status-excluded = Avvist
secretariat-carried-tag = (overført fra en tidligere runde)
secretariat-carried-from = Overført fra runden for { $year }.
secretariat-nomination-content = Nominasjonen
secretariat-received = Mottatt
secretariat-screening-heading = Kvalifisering
field-screening = Er nominasjonen kvalifisert?
field-exclusion_reason = Begrunnelse for avvisning
secretariat-exclusion-hint = Påkrevd når nominasjonen avvises.
secretariat-carry-heading = Overfør til en senere runde
secretariat-carry-lead = Nominasjonen beholder referansen sin og må kvalifiseres på nytt i den nye runden.
secretariat-carry-none = Det finnes ingen senere runde å overføre til. Opprett runden først.
secretariat-carry-submit = Overfør nominasjonen
field-target_round = Runde
secretariat-assignments-heading = Tildeling til jurymedlemmer
secretariat-assignments-rule = Uten noen tildeling i runden får alle jurymedlemmer alle kvalifiserte nominasjoner. Så snart én nominasjon i runden er tildelt, får hvert jurymedlem bare de nominasjonene det er tildelt.
secretariat-assignments-all = Runden har ingen tildelinger: alle jurymedlemmer får alle kvalifiserte nominasjoner.
secretariat-assignments-explicit = Runden har tildelinger: hvert jurymedlem får bare nominasjonene det er tildelt.
secretariat-assignments-submit = Lagre tildelingen
field-assigned_jurors = Jurymedlemmer som skal vurdere nominasjonen
secretariat-jurors-none = Det er ingen jurymedlemmer ennå.
secretariat-submitted-heading = Innleverte vurderinger
secretariat-submitted-none = Ingen jurymedlemmer har levert vurderingen sin av denne nominasjonen.
secretariat-juror = Jurymedlem
secretariat-submitted-at = Levert
secretariat-reopen = Åpne for endringer

## Impartiality
secretariat-conflicts-title = Habilitet
secretariat-conflicts-lead = Inhabilitet som jurymedlemmer har meldt, og nominasjoner fra virksomheter et jurymedlem er tilknyttet. Et jurymedlem holdes utenfor nominasjonen til sekretariatet har avgjort saken.
secretariat-conflicts-open = Venter på avgjørelse
secretariat-conflicts-decided = Avgjort
secretariat-conflicts-none = Ingen saker venter på avgjørelse.
secretariat-conflicts-none-decided = Ingen saker er avgjort ennå.
secretariat-nomination = Nominasjon
secretariat-conflict-grounds = Grunnlag
secretariat-conflict-declared = Meldt av jurymedlemmet
secretariat-conflict-affiliated = Tilknyttet virksomheten (org.nr. { $org })
secretariat-conflict-decide = Avgjør
secretariat-conflict-upheld = Inhabil
secretariat-conflict-dismissed = Ikke inhabil
secretariat-conflict-title = Avgjørelse om habilitet
secretariat-conflict-law = Etter forvaltningsloven §§ 6 og 8. Et inhabilt jurymedlem ser ikke poeng eller vurderinger av nominasjonen, gir ikke poeng, regnes ikke med og føres som fraværende når juryen avgjør.
field-conflict_decision = Avgjørelse
field-conflict_note = Begrunnelse for avgjørelsen

## Audit log
secretariat-log-title = Logg over hendelser
secretariat-log-lead = Nyeste først. Side { $page } av { $pages } ({ $total } hendelser).
secretariat-log-time = Tidspunkt
secretariat-log-actor = Utført av
secretariat-log-action = Hendelse
secretariat-log-subject = Gjelder
secretariat-log-detail = Detaljer
secretariat-log-paging = Sider i loggen
secretariat-log-newer = Nyere hendelser
secretariat-log-older = Eldre hendelser
