## Amounts with their unit, the number already formatted for the language (src/format.rs).
amount-nok = { $amount } kr
amount-hours = { $amount } timer
