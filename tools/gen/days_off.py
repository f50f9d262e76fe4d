#!/usr/bin/env python3
"""Write the cross-check fixture of Kazakhstan's non-working weekdays and working weekend
days for 2020-2030, from the `holidays` library (vacanza/holidays), independently of our
calendar.toml. A Rust test compares our calendar against it. Run:
pip install holidays && python3 tools/gen/days_off.py
"""
import datetime as dt
import pathlib

import holidays

OUT = pathlib.Path(__file__).resolve().parent.parent / "rules" / "tests" / "fixtures" / "kz_days_off.txt"
# Weekend days the government made working days; the library records them only inside
# the label of the substituted day off ("substituted from MM/DD/YYYY" in en_US).
lines = [f"# holidays {holidays.__version__}, country KZ: weekdays off (off) and weekend working days (work)"]
for year in range(2020, 2031):
    cal = holidays.country_holidays("KZ", years=year, language="en_US")
    for day, name in sorted(cal.items()):
        if day.weekday() < 5:
            lines.append(f"off {day.isoformat()} {name}")
        if "substituted from" in name:
            m, d, y = name.split("substituted from ")[1].rstrip(")").split("/")
            lines.append(f"work {y}-{m}-{d}")
OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
print(f"wrote {OUT} ({len(lines) - 1} lines)")
