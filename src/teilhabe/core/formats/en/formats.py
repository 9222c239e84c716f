"""English date and number formats (FORMAT_MODULE_PATH).

Django's own `en` formats are American: 12/02/2026 for the 12th of February would
read as the 2nd of December to everybody else. English here is read by people in
Germany and Europe, so dates are written out day first ("2 December 2026") or in ISO
form (2026-12-02), never month first. Numbers keep the English separators.
"""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "Y-m-d"
SHORT_DATETIME_FORMAT = "Y-m-d H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# What forms accept: ISO (what <input type="date"> sends) and the British order;
# never the American month-first order.
DATE_INPUT_FORMATS = [
    "%Y-%m-%d",  # 2026-12-02
    "%d/%m/%Y",  # 02/12/2026
    "%d/%m/%y",  # 02/12/26
    "%d.%m.%Y",  # 02.12.2026, as typed by German speakers
]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M:%S.%f", "%H:%M"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
