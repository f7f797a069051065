"""Names used in Thai and English dates, kept as data so they can be read and checked.

Each month row: number, Thai full name, Thai abbreviation (dotted), English full name,
English abbreviation. Extra spellings seen in real pages are listed separately.
"""

from __future__ import annotations

# (month, Thai full, Thai abbreviation, English full, English short)
MONTHS: tuple[tuple[int, str, str, str, str], ...] = (
    (1, "มกราคม", "ม.ค.", "January", "Jan"),
    (2, "กุมภาพันธ์", "ก.พ.", "February", "Feb"),
    (3, "มีนาคม", "มี.ค.", "March", "Mar"),
    (4, "เมษายน", "เม.ย.", "April", "Apr"),
    (5, "พฤษภาคม", "พ.ค.", "May", "May"),
    (6, "มิถุนายน", "มิ.ย.", "June", "Jun"),
    (7, "กรกฎาคม", "ก.ค.", "July", "Jul"),
    (8, "สิงหาคม", "ส.ค.", "August", "Aug"),
    (9, "กันยายน", "ก.ย.", "September", "Sep"),
    (10, "ตุลาคม", "ต.ค.", "October", "Oct"),
    (11, "พฤศจิกายน", "พ.ย.", "November", "Nov"),
    (12, "ธันวาคม", "ธ.ค.", "December", "Dec"),
)

# Misspellings and spoken short forms found in news text. The spoken forms ("ตุลา")
# are also the start of ordinary words ("ตุลาการ", a judge), so the pattern accepts
# them only when no Thai letter follows.
THAI_MONTH_VARIANTS: dict[str, int] = {
    "กรกฏาคม": 7,  # ฏ for ฎ: a common misspelling
    "กุมภาพันธ": 2,  # thanthakhat dropped
}
THAI_MONTH_SPOKEN: dict[str, int] = {
    "มกรา": 1,
    "กุมภา": 2,
    "มีนา": 3,
    "เมษา": 4,
    "พฤษภา": 5,
    "มิถุนา": 6,
    "กรกฎา": 7,
    "สิงหา": 8,
    "กันยา": 9,
    "ตุลา": 10,
    "พฤศจิกา": 11,
    "ธันวา": 12,
}
ENGLISH_MONTH_VARIANTS: dict[str, int] = {"sept": 9}

# Weekday names as they appear before a date ("วันพฤหัสบดีที่ 23 ...").
THAI_WEEKDAYS: tuple[str, ...] = (
    "จันทร์",
    "อังคาร",
    "พุธ",
    "พฤหัสบดี",
    "พฤหัส",
    "ศุกร์",
    "เสาร์",
    "อาทิตย์",
)
ENGLISH_WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
)

# Era markers before a year. Keys are compared with dots and spaces removed, lower case.
ERA_MARKERS: dict[str, str] = {
    "พศ": "be",
    "be": "be",
    "คศ": "ce",
    "ad": "ce",
    "ce": "ce",
}

# Words that may share a line with the posting date without making it a sentence.
POSTING_LABELS: tuple[str, ...] = (
    "วันที่",
    "ที่",
    "วัน",
    "เวลา",
    "น.",
    "นาฬิกา",
    "เผยแพร่",
    "เผยแพร่เมื่อ",
    "ประกาศ",
    "ประกาศเมื่อ",
    "โพสต์",
    "โพสต์เมื่อ",
    "ปรับปรุง",
    "แก้ไขล่าสุด",
    "อัปเดต",
    "อัพเดท",
    "posted",
    "published",
    "updated",
    "date",
    "on",
    "at",
    "hrs",
)
