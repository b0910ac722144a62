# "01/7/2024": day with two digits, month without a leading zero, as Vietnamese official documents write it.
DATE_FORMAT = "d/n/Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
# The admin (and any Django form) in Vietnamese: dd/mm/yyyy, 24-hour clock. Django's own Vietnamese formats
# write "H:i Ngày d tháng n năm Y" and "d-m-Y"; the admin's tooltips and timestamps read DATETIME_FORMAT.
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
# What date fields accept: the admin's widgets write WAGTAIL_DATE_FORMAT/WAGTAIL_DATETIME_FORMAT
# (settings/base.py), which must come first; ISO dates stay accepted (API filters, imports).
# Django's default list also has "%m/%d/%Y", which would read 01/12/2026 as 12 January: left out.
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
