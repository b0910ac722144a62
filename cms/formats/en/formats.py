# "1 July 2024": British-style day-month-year, unambiguous for readers abroad.
DATE_FORMAT = "j F Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
