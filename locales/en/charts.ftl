# Decision-support pictures (issue 8 §4) and the explanations of the measures.
charts-heading = The scores as pictures
charts-lead = The pictures show the same numbers as the tables, and the numbers behind each picture are in a table below it. Each juror has a number:
charts-juror-legend = The jurors' numbers
charts-method-vektet = Weighted mean
charts-method-median = Median
charts-method-z = Z mean
charts-method-borda = Borda
charts-slope-heading = The ranking by each method
charts-slope-title = Place by weighted mean, median, z-normalised mean and Borda points
charts-slope-desc = Each line is one nomination, with its place under each method. Thin, dashed, flat lines: the methods give the same place. Thick, solid lines: the methods give different places.
charts-slope-disagree = The methods place { $list } differently.
charts-slope-agree = Every method gives each nomination the same place.
charts-slope-table = The numbers are in the table above.
charts-heatmap-heading = Weighted score per juror
charts-heatmap-title = Each juror's weighted score per nomination
charts-heatmap-desc = Rows are nominations, columns jurors (numbered as in the list). Darker blue is a higher score, and the number is in the cell. A hatched cell with the word “conflict”: the juror has a conflict of interest. A white, dashed cell with the word “missing”: no submitted scores.
charts-conflict = conflict
charts-conflict-short = conf.
charts-missing = missing
charts-missing-short = –
charts-legend-conflict = Conflict of interest (hatched)
charts-legend-missing = Scores missing (dashed)
charts-show-table = Show the numbers as a table
charts-col-nomination = Nomination
charts-col-criterion = Criterion
charts-col-spread = Max − min
charts-criterion-flag = disagree
charts-strips-heading = Scores per criterion
charts-strips-lead = Each circle is one juror's score on the 0–5 scale, with the juror's number in it. Equal scores stack, so the spread and an outlier show at once.
charts-strip-title = Scores per criterion for { $reference }
charts-strip-desc = Each juror's score per criterion, on the 0–5 scale.
charts-strip-flagged = The jurors disagree on { $list }.
charts-strip-calm = No criterion on which the jurors disagree.
charts-few-jurors = Only { $counted } of { $jury } jurors have scores that count here. Read its place with care.
charts-few-jurors-tag = Only { $counted } jurors
charts-criteria-flagged-one = Disagree on one criterion
charts-criteria-flagged = Disagree on { $count } criteria
explain-z = The z-normalised mean corrects for strict and lenient jurors: each juror's scores are measured against that juror's own mean and spread, and the result is put on a 0 to 5 scale for this round.
explain-z-summary = The formula for the z-normalised mean
explain-z-formula = For juror j with mean x̄ⱼ and standard deviation sⱼ: z = (x − x̄ⱼ) / sⱼ. The mean z per nomination is scaled to 0–5: 5 · (z − z_min) / (z_max − z_min).
explain-borda = Borda points count places, not distances: each juror gives a nomination one point for every nomination that juror scored lower, and half a point for each scored the same.
explain-borda-summary = The formula for Borda points
explain-borda-formula = B(n) = Σⱼ [ number of m with xⱼₘ < xⱼₙ + ½ · number of m ≠ n with xⱼₘ = xⱼₙ ], summed over the jurors j who scored n.
explain-criteria = Disagreement is also flagged per criterion: when the jurors' scores on one criterion are two points or more apart, even if their means are equal.
explain-kendall = Kendall's W measures how far the jurors agree on the order: 1 means they all rank the nominations alike, 0 that their rankings are unrelated.
explain-kendall-summary = The formula for Kendall's W
explain-kendall-formula = W = 12 S / (m²(n³ − n) − m · ΣT), where S = Σᵢ (Rᵢ − m(n + 1)/2)², Rᵢ is the sum of the places nomination i got, m the number of jurors, n the number of nominations and T a correction for shared places.
