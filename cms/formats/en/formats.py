# "1 July 2024": British-style day-month-year, unambiguous for readers abroad.
DATE_FORMAT = "j F Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
# The admin's date widgets write day/month/year in every language (WAGTAIL_DATE_FORMAT in settings/base.py),
# so English date fields read it too; Django's English list would take 01/12/2026 as 12 January.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
