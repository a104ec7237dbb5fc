# The secretariat's exports of a round's scores (services/exports.rs).
exports-xlsx-link = Download all scores as an Excel file (xlsx)
exports-sheet-scores = Scores
exports-column-weight = Weight
exports-column-scored-at = Last changed
