# Decision-support pictures (issue 8 §4) and the explanations of the measures.
charts-heading = Poengene som bilder
charts-lead = Bildene viser de samme tallene som tabellene, og tallene bak hvert bilde står i en tabell under det. Hvert jurymedlem har et nummer:
charts-juror-legend = Jurymedlemmenes numre
charts-method-vektet = Vektet snitt
charts-method-median = Median
charts-method-z = Z-snitt
charts-method-borda = Borda
charts-slope-heading = Rangeringen etter hver metode
charts-slope-title = Plassering etter vektet snitt, median, z-normalisert snitt og Borda-poeng
charts-slope-desc = Hver linje er én nominasjon, med plassen sin under hver metode. Tynne, stiplede, flate linjer: metodene gir samme plass. Tykke, heltrukne linjer: metodene gir ulik plass.
charts-slope-disagree = Metodene gir ulik plass til { $list }.
charts-slope-agree = Alle metodene gir hver nominasjon samme plass.
charts-slope-table = Tallene står i tabellen over.
charts-heatmap-heading = Vektet poengsum per jurymedlem
charts-heatmap-title = Hvert jurymedlems vektede poengsum per nominasjon
charts-heatmap-desc = Radene er nominasjoner, kolonnene jurymedlemmer (nummer som i listen). Mørkere blått er høyere poengsum, og tallet står i ruten. Skravert rute med ordet «inhabil»: jurymedlemmet er inhabil. Hvit, stiplet rute med ordet «mangler»: ingen innsendte poeng.
charts-conflict = inhabil
charts-conflict-short = inh.
charts-missing = mangler
charts-missing-short = –
charts-legend-conflict = Inhabil (skravert)
charts-legend-missing = Mangler poeng (stiplet)
charts-show-table = Vis tallene som tabell
charts-col-nomination = Nominasjon
charts-col-criterion = Kriterium
charts-col-spread = Maks − min
charts-criterion-flag = uenige
charts-strips-heading = Poeng per kriterium
charts-strips-lead = Hver sirkel er ett jurymedlems poeng på skalaen 0–5, med jurymedlemmets nummer i sirkelen. Like poeng står over hverandre, så spredningen og den som skiller seg ut, synes med en gang.
charts-strip-title = Poeng per kriterium for { $reference }
charts-strip-desc = Poeng fra hvert jurymedlem per kriterium, på skalaen 0–5.
charts-strip-flagged = Jurymedlemmene er uenige om { $list }.
charts-strip-calm = Ingen kriterier der jurymedlemmene er uenige.
charts-few-jurors = Bare { $counted } av { $jury } jurymedlemmer har poeng som teller her. Les plasseringen med forsiktighet.
charts-few-jurors-tag = Bare { $counted } jurymedlemmer
charts-criteria-flagged-one = Uenige om ett kriterium
charts-criteria-flagged = Uenige om { $count } kriterier
explain-z = Z-normalisert snitt retter opp for at noen jurymedlemmer gir strengt og andre romslig: hvert jurymedlems poeng måles mot hans eller hennes eget snitt og spredning, og resultatet settes på en skala fra 0 til 5 for denne runden.
explain-z-summary = Formelen for z-normalisert snitt
explain-z-formula = For jurymedlem j med snitt x̄ⱼ og standardavvik sⱼ: z = (x − x̄ⱼ) / sⱼ. Snittet av z per nominasjon skaleres til 0–5: 5 · (z − z_min) / (z_max − z_min).
explain-borda = Borda-poeng teller plasseringer, ikke avstander: hvert jurymedlem gir en nominasjon ett poeng for hver nominasjon jurymedlemmet ga lavere poengsum, og et halvt poeng for hver som fikk like mye.
explain-borda-summary = Formelen for Borda-poeng
explain-borda-formula = B(n) = Σⱼ [ antall m der xⱼₘ < xⱼₙ + ½ · antall m ≠ n der xⱼₘ = xⱼₙ ], summert over jurymedlemmene j som ga n poeng.
explain-criteria = Uenighet flagges også per kriterium: når jurymedlemmenes poeng på ett kriterium ligger to poeng eller mer fra hverandre, selv om snittet deres er likt.
explain-kendall = Kendalls W måler hvor enige jurymedlemmene er om rekkefølgen: 1 betyr at alle rangerer nominasjonene likt, 0 at rangeringene ikke henger sammen.
explain-kendall-summary = Formelen for Kendalls W
explain-kendall-formula = W = 12 S / (m²(n³ − n) − m · ΣT), der S = Σᵢ (Rᵢ − m(n + 1)/2)², Rᵢ er summen av plassene nominasjon i fikk, m er antall jurymedlemmer, n antall nominasjoner og T en rettelse for delte plasser.
