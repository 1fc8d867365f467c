"""English time expressions: "October 21", "21 Oct 2025", "on Tuesday", "last week", "the same day",
"24-25 October", "two weeks", "every Monday".

Month and weekday names count only capitalised and in full ("We", "mon", "sat" are words), and
"May"/"March" only next to a day or a year or after "in", "since", ... ("may" the verb never).
"""

from newsloom.lang.generic.time import NUMERIC_GUARD_AFTER, NUMERIC_GUARD_BEFORE
from newsloom.timex.rules import TimePattern, TimeRules

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")  # fmt: skip
_WD = r"(?:(?P<wd>@WD@),?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_CONNECT = r"\s*(?:-|–|to|and|until|through)\s*"

RULES = TimeRules(
    code="en",
    months={
        **{name: number for number, name in enumerate(_MONTHS, 1)},
        "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
        "Oct": 10, "Nov": 11, "Dec": 12,
        # the abbreviation's period belongs to the date; a full name's never does ("on 16 October.")
        "Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8, "Sep.": 9, "Sept.": 9,
        "Oct.": 10, "Nov.": 11, "Dec.": 12,
    },
    months_alone=tuple(m for m in _MONTHS if m not in ("May", "March")),
    month_case_sensitive=True,
    weekdays={"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6},
    weekday_case_sensitive=True,
    parts_of_day={"morning": "MO", "midday": "MI", "noon": "MI", "afternoon": "AF", "evening": "EV", "night": "NI"},
    relative={
        "today": ("day", 0), "yesterday": ("day", -1), "tomorrow": ("day", 1),
        "the day before yesterday": ("day", -2), "the day after tomorrow": ("day", 2),
        "this week": ("week", 0), "earlier this week": ("week", 0), "later this week": ("week", 0),
        "last week": ("week", -1), "next week": ("week", 1),
        "this month": ("month", 0), "earlier this month": ("month", 0), "later this month": ("month", 0),
        "last month": ("month", -1), "next month": ("month", 1),
        # "at the end of the month": the month of the report (the gold spans the whole phrase)
        "the end of the month": ("month", 0), "the end of this month": ("month", 0),
        "the beginning of the month": ("month", 0), "the start of the month": ("month", 0),
        "the end of the year": ("year", 0), "the end of this year": ("year", 0),
        "this year": ("year", 0), "earlier this year": ("year", 0), "later this year": ("year", 0),
        "last year": ("year", -1), "next year": ("year", 1),
    },
    pod_relative={"this": 0, "yesterday": -1, "tomorrow": 1},
    relative_pod={"tonight": (0, "NI"), "last night": (-1, "NI"), "last evening": (-1, "EV")},
    anaphora={
        "the same day": 0, "that day": 0, "later that day": 0, "earlier that day": 0, "the next day": 1,
        "the following day": 1, "a day later": 1, "the day before": -1, "the previous day": -1,
        "a day earlier": -1, "earlier in the day": 0, "later in the day": 0, "later the same day": 0,
        "earlier the same day": 0,
    },
    anaphora_pod={"that": 0, "the same": 0, "later that": 0, "earlier that": 0, "the next": 1, "the following": 1,
                  "the previous": -1},
    directions={"last": -1, "this past": -1, "next": 1, "this coming": 1, "this": 0},
    numbers={
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    },
    units={
        "day": "D", "days": "D", "week": "W", "weeks": "W", "month": "M", "months": "M", "year": "Y", "years": "Y",
        "hour": "H", "hours": "H", "decade": "DE", "decades": "DE",
    },
    future_cue=(
        r"\b(?:will|shall|would|(?:is|are|was|were) (?:due|expected|scheduled|set|slated) to|plans? to"
        r"|planned to|(?:is|are) to)\b"
    ),
    past_cue=r"\b(?:said|says|told|announced|stated|added|noted|was|were|had|did)\b",
    range_forms=(
        (r"\bfrom", r"to|until|till|through|[-–]"),
        (r"\bbetween", r"and"),
        (None, r"[-–]|to|through|until"),
    ),
    numeric_guard_before=(
        NUMERIC_GUARD_BEFORE
        + r"|\b(?:Decree|Resolution|Decision|Circular|Law|Directive|Ordinance|Article|number|[Ff]light|[Rr]oute"
        r"|Highway|score|[Rr]oom|[Bb]us|[Cc]ode|[Pp]age|Chapter|Section|version|ref)\s*$"
    ),
    numeric_guard_after=(
        NUMERIC_GUARD_AFTER
        + r"|^\s*(?:percent|per cent|people|persons|units|votes|cases|troops|km|kilomet|tonnes|tons|USD|dollars"
        r"|points|hectares|ha\b|billion|million|thousand|times"
        # counted people and things after a possessive ("the army's 2000 soldiers"): no year
        r"|soldiers|officers|police|members|residents|workers|students|passengers|men\b|women|children"
        r"|families|households|delegates|participants|employees|staff|vehicles|cars|ships|vessels|homes|houses)"
    ),
    patterns=(
        # the afternoon of October 21 ; the morning of 21 Oct 2025
        TimePattern(
            r"(?:the\s+)?(?P<pod>@POD@)\s+of\s+" + _WD + r"(?P<mname>@MNAME@)\s+@B@(?P<day>@D@)" + _ORD
            + r"(?:,?\s+(?P<year>@Y@))?@E@",
            numeric=True,
        ),
        TimePattern(
            r"(?:the\s+)?(?P<pod>@POD@)\s+of\s+" + _WD + r"@B@(?P<day>@D@)" + _ORD
            + r"\s+(?:of\s+)?(?P<mname>@MNAME@)(?:,?\s+(?P<year>@Y@))?(?!\w)",
            numeric=True,
        ),
        # 24-25 October ; from 24 to 26 Oct 2025
        TimePattern(
            r"(?:(?:from|between)\s+)?@B@(?P<day>@D@)" + _ORD + _CONNECT + r"(?P<day2>@D@)" + _ORD
            + r"\s+(?:of\s+)?(?P<mname2>@MNAME@)(?:,?\s+(?P<year2>@Y@))?(?!\w)",
            numeric=True,
        ),
        # October 24-25 ; Oct. 24 to 26, 2025
        TimePattern(
            r"(?:(?:from|between)\s+)?(?P<mname>@MNAME@)\s+@B@(?P<day>@D@)" + _ORD + _CONNECT
            + r"(?P<day2>@D@)" + _ORD + r"(?:,?\s+(?P<year2>@Y@))?@E@",
            numeric=True,
        ),
        # (Tuesday,) October 21(, 2025)
        TimePattern(_WD + r"(?P<mname>@MNAME@)\s+@B@(?P<day>@D@)" + _ORD + r"(?:,?\s+(?P<year>@Y@))?@E@", numeric=True),
        # (Tuesday,) 21 October (2025)
        TimePattern(
            _WD + r"@B@(?P<day>@D@)" + _ORD + r"\s+(?:of\s+)?(?P<mname>@MNAME@)(?:,?\s+(?P<year>@Y@))?(?!\w)",
            numeric=True,
        ),
        # October 2025
        TimePattern(r"(?P<mname>@MNAME@),?\s+(?P<year>@Y@)@E@", numeric=True),
        # October last year
        TimePattern(r"(?P<mname>@MNAME@)\s+(?P<rel>last\s+year|this\s+year|next\s+year)(?!\w)"),
        # in October
        TimePattern(r"(?P<mname>@MALONE@)(?!\w)", reject_after=r"^\.?\s+\d"),
        # in May, since March: the ambiguous names need a word that introduces a time
        TimePattern(
            r"(?P<mname>@MNAME@)(?!\w)",
            cue_before=r"\b(?:in|since|until|till|by|early|late|mid|last|next|this|of|during|from|to|through|before|after)[\s-]+$",
            reject_after=r"^\.?\s+\d",
        ),
        # 2021-2025, between 2016 and 2020
        TimePattern(r"@B@(?P<year>@Y@)\s*[-–]\s*(?P<year2>@Y@)@E@", numeric=True),
        TimePattern(r"between\s+(?P<year>@Y@)\s+and\s+(?P<year2>@Y@)@E@", numeric=True),
        # in 2024, by 2030
        TimePattern(
            r"@B@(?P<year>@Y@)@E@",
            # ... and after a possessive: "Indonesia's 2009 narcotics law", "the party's 2021 congress"
            cue_before=r"\b(?:in|since|by|until|till|from|to|through|during|before|after|of|for|early|late|mid|end|year)[\s-]+$|\w['’]s\s+$",
            numeric=True,
        ),
        # Tuesday last week
        TimePattern(r"(?P<wd>@WD@)\s+(?P<rel>(?:last|this|next)\s+week)(?!\w)"),
        # last Tuesday, Tuesday morning, next Friday night
        TimePattern(r"(?:(?P<dir>@DIR@)\s+)?(?P<wd>@WD@)(?:\s+(?P<pod>@POD@))?(?!\w)"),
        # tonight, last night
        TimePattern(r"(?P<relpod>@RELPOD@)(?!\w)"),
        # this morning, yesterday afternoon
        TimePattern(r"(?P<podrel>@PODREL@)\s+(?P<pod>@POD@)(?!\w)"),
        # that evening, the next morning
        TimePattern(r"(?P<ana>@ANAPOD@)\s+(?P<pod>@POD@)(?!\w)"),
        # in the evening, on the afternoon: the part of the previous day ("the afternoon of October 24" is longer)
        TimePattern(
            r"(?P<same>the)\s+(?P<pod>@POD@)(?!\w)", cue_before=r"\b(?:in|on|during)\s+$", reject_after=r"^\s+of\b"
        ),
        # the same day, the following day
        TimePattern(r"(?P<ana>@ANA@)(?!\w)"),
        # two days later, a week earlier: counted from the previous day
        TimePattern(r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)\s+(?:(?P<later>later)|(?P<earlier>earlier))(?!\w)"),
        # two years ago, a week ago
        TimePattern(r"@B@(?P<num>@NUM@)\s+(?P<unit>@UNIT@)\s+(?P<ago>ago)(?!\w)"),
        # yesterday, last week, this year
        TimePattern(r"(?P<rel>@REL@)(?!\w)"),
        # three days, a 10-year plan ("one day" is "some day"; "50-year-old" is an age)
        TimePattern(
            r"(?!(?:an?|one)[\s-])@B@(?P<num>@NUM@)[\s-]+(?P<unit>@UNIT@)(?!\w)",
            reject_after=r"^[\s-]+old\b",
            reject_before=r"\bfirst\s+$",
        ),
        # every Monday, every two weeks, each year
        TimePattern(r"(?:every|each)\s+(?P<setwd>@WD@)(?!\w)"),
        TimePattern(r"(?:every|each)\s+(?:(?P<setnum>@NUM@)\s+)?(?P<setunit>@UNIT@)(?!\w)"),
    ),
)  # fmt: skip
