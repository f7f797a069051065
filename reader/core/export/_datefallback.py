"""Stand-in for reader.core.thaidate.format_date until that module lands (then deleted)."""

from __future__ import annotations

import datetime as dt

from reader.core.thaitext import to_thai_digits

TH_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
             "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


def ce_to_be(year: int) -> int:
    return year + 543


def format_date(d: dt.date, era: str = "be", style: str = "long", lang: str = "th",
                thai_digits: bool = False) -> str:
    year = ce_to_be(d.year) if era == "be" else d.year
    if style == "numeric":
        text = f"{d.day:02d}/{d.month:02d}/{year}"
    elif lang == "en":
        text = f"{d.day} {EN_MONTHS[d.month - 1]} {'B.E. ' if era == 'be' else ''}{year}"
    else:
        text = f"{d.day} {TH_MONTHS[d.month - 1]} {year}"
    return to_thai_digits(text) if thai_digits else text
