# "01/7/2024": day with two digits, month without a leading zero, as Vietnamese official documents write it.
DATE_FORMAT = "d/n/Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
