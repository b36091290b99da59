#!/usr/bin/env python3
"""Writes the demo feed with one talk crowded beyond what a screen can show.

Main Hall's 10:30 session on 15 October (on now at 10:40) gets SPEAKERS
speakers and, unless TITLE_BYTES is 0, a title of TITLE_BYTES bytes. It
measures what a frame costs when the feed holds more than a panel can show
(README, "What a screen costs"):

  tests/layout/crowded_feed.py 10000 1000000 /tmp/crowded.json
  printf '[feed]\\nurl = "/tmp/crowded.json"\\n[display]\\nroom = "Main Hall"\\n[cache]\\npath = "c.db"\\n' > /tmp/c.toml
  build/bin/foyer --config /tmp/c.toml --sync-once
  valgrind --tool=callgrind build/bin/foyer --config /tmp/c.toml --screenshot /tmp/s.png \\
      --at 2025-10-15T10:40:00+05:00 --size 800x480
"""
import json
import pathlib
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    speakers, title_bytes, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    demo = pathlib.Path(__file__).resolve().parents[2] / "assets/demo/schedule.json"
    feed = json.loads(demo.read_text(encoding="utf-8"))
    talk = feed["schedule"]["conference"]["days"][0]["rooms"]["Main Hall"][1]
    talk["persons"] = [{"id": 5000 + i, "public_name": f"Speaker Number{i:05d}"}
                       for i in range(speakers)]
    if title_bytes:
        words = "Multilateralism and global governance amid division "
        talk["title"] = (words * (title_bytes // len(words) + 1))[:title_bytes]
    pathlib.Path(out).write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
