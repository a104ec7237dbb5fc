## Amounts with their unit, the number already formatted for the language (src/format.rs).
amount-nok = NOK { $amount }
amount-hours = { $amount } hours
