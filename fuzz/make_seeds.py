#!/usr/bin/env python3
"""Cuts small seed inputs for the fuzz targets out of the real feeds.

    make_seeds.py FEEDS_DIR REPO_DIR OUT_DIR

Writes OUT_DIR/<target>/<name> for each target: a few days, rooms and events
of each real schedule.json, schedule.xml, Indico export and iCalendar file in
FEEDS_DIR (tests/data/feeds), cut along their own structure so each seed
is a whole, valid feed of a few KB with the real feed's quirks (escapes,
entities, CRLF, VTIMEZONEs); plus the first bytes of each, cut mid-way, and
the repo's own example configs and demo feed. The slices are not committed:
they are cut again from the feeds at every run.
"""

import json
import pathlib
import re
import sys
from xml.etree import ElementTree

MAX_SEED_BYTES = 16 * 1024  # slices are cut smaller until they fit


def write(out, target, name, data):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    (folder / name).write_bytes(data)


def shortened(value, longest=400, items=4):
    """`value` with strings cut to `longest` characters and lists to `items`."""
    if isinstance(value, str):
        return value[:longest]
    if isinstance(value, list):
        return [shortened(item, longest, items) for item in value[:items]]
    if isinstance(value, dict):
        return {key: shortened(item, longest, items) for key, item in value.items()}
    return value


def slice_schedule_json(document, days, rooms, events):
    """A copy of a schedule.json with the first `days` days, `rooms` rooms a
    day and `events` events a room."""
    document = json.loads(json.dumps(document))
    conference = document.get("schedule", {}).get("conference", {})
    conference["days"] = conference.get("days", [])[:days]
    for day in conference["days"]:
        kept = list(day.get("rooms", {}).items())[:rooms]
        day["rooms"] = {name: entries[:events] for name, entries in kept}
    for key, value in conference.items():
        if key != "days":
            conference[key] = shortened(value)
    for day in conference["days"]:
        for entries in day["rooms"].values():
            entries[:] = [shortened(entry) for entry in entries]
    return json.dumps(document, ensure_ascii=False, indent=1)


def slice_indico_json(document, contributions):
    document = json.loads(json.dumps(document))
    for result in document.get("results", []):
        result["contributions"] = shortened(result.get("contributions", [])[:contributions], 400, 8)
    return json.dumps(document, ensure_ascii=False, indent=1)


def slice_schedule_xml(text, days, rooms, events):
    """A copy of a schedule.xml with the first `days` <day>s, `rooms` <room>s
    a day and `events` <event>s a room (the raw head- seeds keep the file's
    own prolog, entities and layout)."""
    root = ElementTree.fromstring(text)
    day_list = root.findall("day")
    for day in day_list[days:]:
        root.remove(day)
    for day in day_list[:days]:
        room_list = day.findall("room")
        for room in room_list[rooms:]:
            day.remove(room)
        for room in room_list[:rooms]:
            for event in room.findall("event")[events:]:
                room.remove(event)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, "unicode")


def slice_icalendar(raw, events):
    """The calendar's header and VTIMEZONEs, the first `events` VEVENTs, and
    END:VCALENDAR, with the file's own line endings."""
    text = raw.decode("utf-8", errors="surrogateescape")
    newline = "\r\n" if "\r\n" in text else "\n"
    parts = re.split(r"(?=^BEGIN:VEVENT\r?$)", text, flags=re.M)
    header, vevents = parts[0], parts[1:]
    kept = []
    for vevent in vevents[:events]:
        end = re.search(r"^END:VEVENT(?=\r?$)", vevent, re.M)
        kept.append(vevent[: end.end()] + newline if end else vevent)
    body = header + "".join(kept) + "END:VCALENDAR" + newline
    return body.encode("utf-8", errors="surrogateescape")


def slice_xcal(text, events):
    """The xCal's header, its first `events` <vevent>s, and the closing tags."""
    blocks = re.findall(r"<vevent>.*?</vevent>", text, flags=re.S)
    first = text.find("<vevent>")
    header = text[:first] if first >= 0 else text
    return header + "\n".join(blocks[:events]) + "\n  </vcalendar>\n</iCalendar>\n"


def fitting(make, sizes):
    """The first of make(size…) that fits in MAX_SEED_BYTES (or the smallest)."""
    data = None
    for size in sizes:
        data = make(*size)
        if len(data.encode("utf-8") if isinstance(data, str) else data) <= MAX_SEED_BYTES:
            break
    return data


def slice_feed(path, out, sizes):
    """Writes the seeds cut from one real feed."""
    raw = path.read_bytes()
    name = path.name
    # The first bytes, cut anywhere: what a feed cut short looks like.
    write(out, "fuzz_feed", "head-" + name, raw[:2048])
    if name.endswith(".schedule.json"):
        document = json.loads(raw)
        seed = fitting(lambda d, r, e: slice_schedule_json(document, d, r, e), sizes)
        for target in ("fuzz_schedule_json", "fuzz_json_tape", "fuzz_feed"):
            write(out, target, name, seed)
        write(out, "fuzz_schedule_json", "head-" + name, raw[:2048])
    elif name.startswith("indico") and name.endswith(".json"):
        document = json.loads(raw)
        seed = fitting(lambda n: slice_indico_json(document, n), [(4,), (2,), (1,)])
        for target in ("fuzz_indico_json", "fuzz_json_tape", "fuzz_feed"):
            write(out, target, name, seed)
    elif name.endswith(".xml") and b"<schedule" in raw[:4096]:
        text = raw.decode("utf-8")
        try:
            seed = fitting(lambda d, r, e: slice_schedule_xml(text, d, r, e), sizes)
        except ElementTree.ParseError:
            # Not well-formed further on (frab-klimacamp2015): its first events, closed by hand.
            cut = text.find("</event>", text.find("</event>") + 1)
            seed = text[: cut + len("</event>")] + "\n</room>\n</day>\n</schedule>\n"
        for target in ("fuzz_schedule_xml", "fuzz_feed"):
            write(out, target, name, seed)
        write(out, "fuzz_schedule_xml", "head-" + name, raw[:2048])
    elif name.endswith(".ics"):
        seed = fitting(lambda n: slice_icalendar(raw, n), [(3,), (2,), (1,)])
        for target in ("fuzz_icalendar", "fuzz_feed"):
            write(out, target, name, seed)
        write(out, "fuzz_icalendar", "head-" + name, raw[:2048])
    elif name.endswith(".xcal"):
        text = raw.decode("utf-8")
        seed = fitting(lambda n: slice_xcal(text, n), [(3,), (2,), (1,)])
        for target in ("fuzz_xcal", "fuzz_feed"):
            write(out, target, name, seed)
        write(out, "fuzz_xcal", "head-" + name, raw[:2048])


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    feeds, repo, out = (pathlib.Path(arg) for arg in sys.argv[1:4])
    if not feeds.is_dir():
        sys.exit("make_seeds.py: %s is not a folder of feeds" % feeds)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [(2, 2, 2), (1, 2, 2), (1, 1, 2), (1, 1, 1)]
    for path in sorted(feeds.glob("*")):
        try:
            slice_feed(path, out, sizes)
        except (ValueError, ElementTree.ParseError) as error:
            # A feed that breaks its format (not well-formed XML) still gives its head- seed.
            print("make_seeds.py: %s: not sliced (%s)" % (path.name, error), file=sys.stderr)
    for path in sorted((repo / "config").glob("*.toml")):
        write(out, "fuzz_config", path.name, path.read_bytes())
    demo = repo / "assets" / "demo" / "schedule.json"
    if demo.exists():
        document = json.loads(demo.read_bytes())
        seed = fitting(lambda d, r, e: slice_schedule_json(document, d, r, e), sizes)
        for target in ("fuzz_schedule_json", "fuzz_json_tape", "fuzz_feed"):
            write(out, target, "demo.schedule.json", seed)


if __name__ == "__main__":
    main()
