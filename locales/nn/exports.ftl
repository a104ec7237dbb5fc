# The secretariat's exports of a round's scores (services/exports.rs).
exports-xlsx-link = Last ned alle poeng som Excel-fil (xlsx)
exports-sheet-scores = Poeng
exports-column-weight = Vekt
exports-column-scored-at = Sist endra
