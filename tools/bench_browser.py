#!/usr/bin/env python3
"""The room screen as a static signage web page, for `tools/bench browser`.

Reads what `foyer --config FILE --print` says the screen shows (JSON on stdin)
and writes one self-contained HTML page of it: room, clock, the session now
with its speakers, times, minutes left and a progress bar, the rest of today's
sessions, the event. Like a real signage page, a script moves the clock (and
the minutes left) once a minute, from the moment in `at` onwards at real
speed, as foyer's demo clock does. No network, no fonts or images to fetch.

    build/bin/foyer --config X --print | python3 tools/bench_browser.py page OUT.html

It also reads what an Xvfb screen shows (the XWD file of `Xvfb -fbdir`), to
see whether a renderer drew what foyer's own --screenshot draws:

    python3 tools/bench_browser.py compare Xvfb_screen0 REFERENCE.png SHOWN.png

prints how many pixels differ, and by how much at most, and writes the
screen as SHOWN.png to look at; and `renderer` names the renderer SDL
gives a window on this display, with SDL_RENDER_DRIVER as set.
"""

import ctypes
import html
import json
import struct
import sys
import zlib

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{room}</title>
<style>
  html, body {{ margin: 0; height: 100%; overflow: hidden; cursor: none;
    background: #0d0f14; color: #f3f1ea; font-family: "Noto Sans", sans-serif; }}
  header {{ display: flex; justify-content: space-between; align-items: center;
    height: 132px; padding: 0 56px; background: #1f232d; border-bottom: 4px solid #f5c242;
    font-size: 64px; font-weight: bold; }}
  main {{ padding: 40px 56px; }}
  .now {{ border-left: 8px solid #2c5282; padding-left: 28px; max-width: 1500px; }}
  .label {{ color: #f5c242; font-size: 38px; font-weight: bold; }}
  .next-label {{ color: #a4abbb; font-size: 38px; font-weight: bold; margin-top: 56px; }}
  h1 {{ font-size: 80px; line-height: 1.5; margin: 0; }}
  .speakers {{ color: #a4abbb; font-size: 46px; }}
  .times {{ color: #f5c242; font-size: 46px; font-weight: bold; margin-top: 16px; }}
  .bar {{ height: 14px; background: #1f232d; margin: 20px 0 0 36px; max-width: 1472px; }}
  .bar div {{ height: 100%; background: #f5c242; }}
  .next {{ display: flex; gap: 32px; font-size: 46px; margin-top: 20px; white-space: nowrap;
    border-left: 6px solid #2c5282; padding-left: 18px; }}
  .next span {{ overflow: hidden; text-overflow: ellipsis; }}
  .next b {{ color: #f5c242; }}
  footer {{ position: absolute; bottom: 30px; left: 56px; color: #a4abbb; font-size: 30px; }}
</style></head>
<body>
<header><span>{room}</span><span id="clock">{clock}</span></header>
<main>
  <section class="now">
    <div class="label">Now · Қазір</div>
    <h1>{title}</h1>
    <div class="speakers">{speakers}</div>
    <div class="times">{start} – {end} · <span id="left"></span> · {language}</div>
  </section>
  <div class="bar"><div id="done"></div></div>
  <div class="next-label">Next · Келесі</div>
  {next}
</main>
<footer>{event}</footer>
<script>
  // The screen's clock: {at} when the page loaded, then real time.
  const shownAt = Date.parse("{at}"), loadedAt = Date.now();
  const offsetMinutes = {offset_minutes};
  const start = Date.parse("{date}T{start}:00{offset}");
  const end = start + {length_minutes} * 60000;
  function minute() {{
    const now = shownAt + (Date.now() - loadedAt);
    const local = new Date(now + offsetMinutes * 60000);
    const two = (n) => String(n).padStart(2, "0");
    document.getElementById("clock").textContent =
      two(local.getUTCHours()) + ":" + two(local.getUTCMinutes());
    const left = Math.max(0, Math.ceil((end - now) / 60000));
    document.getElementById("left").textContent = left + " min left";
    document.getElementById("done").style.width =
      Math.min(100, 100 * (now - start) / (end - start)) + "%";
    setTimeout(minute, 60000 - now % 60000);
  }}
  minute();
</script>
</body></html>
"""


def minutes(hh_mm):
    hours, mins = hh_mm.split(":")
    return int(hours) * 60 + int(mins)


def page(screen):
    now, at = screen["now"], screen["at"]
    offset = at[-6:]  # "+05:00": the venue's offset at that moment
    sign = -1 if offset[0] == "-" else 1
    length = (minutes(now["end"]) - minutes(now["start"])) % (24 * 60)
    today = [s for s in screen["next"] if s["date"] == now["date"]]
    next_rows = "\n  ".join(
        f'<div class="next"><b>{s["start"]}</b><span>{html.escape(s["title"])}'
        f' — {html.escape(", ".join(s["speakers"]))}</span></div>'
        for s in today
    )
    return PAGE.format(
        room=html.escape(screen["room"]),
        clock=at[11:16],
        title=html.escape(now["title"]),
        speakers=html.escape(", ".join(now["speakers"])),
        start=now["start"],
        end=now["end"],
        language=html.escape(now["language"].upper()),
        next=next_rows,
        event=html.escape(screen["event"]),
        at=at,
        date=now["date"],
        offset=offset,
        offset_minutes=sign * (int(offset[1:3]) * 60 + int(offset[4:6])),
        length_minutes=length,
    )


def read_xwd(path):
    """Width, height and RGB bytes of a 24-bit XWD file, as Xvfb -fbdir keeps it."""
    with open(path, "rb") as f:
        data = f.read()
    header = struct.unpack(">25I", data[:100])
    header_size, depth, width, height = header[0], header[3], header[4], header[5]
    byte_order, bits_per_pixel, line_bytes, colors = header[7], header[11], header[12], header[19]
    if depth != 24 or bits_per_pixel != 32:
        sys.exit(f"bench_browser.py: {path}: a 24-bit screen, 32 bits a pixel, expected")
    at = header_size + 12 * colors
    pixels = bytearray(3 * width * height)
    red, green, blue = (2, 1, 0) if byte_order == 0 else (1, 2, 3)  # LSB first: B G R x
    for y in range(height):
        row = data[at + y * line_bytes : at + y * line_bytes + 4 * width]
        out = pixels[3 * width * y : 3 * width * (y + 1)]
        out[0::3], out[1::3], out[2::3] = row[red::4], row[green::4], row[blue::4]
        pixels[3 * width * y : 3 * width * (y + 1)] = out
    return width, height, bytes(pixels)


def read_png(path):
    """Width, height and RGB bytes of an 8-bit RGB PNG, as foyer writes them."""
    with open(path, "rb") as f:
        data = f.read()
    at, packed = 8, []
    while at < len(data):
        size, name = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + size]
        if name == b"IHDR":
            width, height, depth, kind = struct.unpack(">IIBB", body[:10])
            if (depth, kind, body[12]) != (8, 2, 0):
                sys.exit(f"bench_browser.py: {path}: an 8-bit RGB PNG, not interlaced, expected")
        elif name == b"IDAT":
            packed.append(body)
        at += size + 12
    raw, stride = zlib.decompress(b"".join(packed)), 3 * width
    pixels, prior = bytearray(), bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride if kind else 0):
            left = row[i - 3] if i >= 3 else 0
            up, up_left = prior[i], prior[i - 3] if i >= 3 else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + ((left + up) >> 1)) & 255
            elif kind == 4:
                guess = left + up - up_left  # Paeth: the neighbour nearest the guess
                nearest = min((abs(guess - left), 0, left), (abs(guess - up), 1, up),
                              (abs(guess - up_left), 2, up_left))
                row[i] = (row[i] + nearest[2]) & 255
        pixels += row
        prior = row
    return width, height, bytes(pixels)


def write_png(path, width, height, pixels):
    def chunk(name, body):
        return struct.pack(">I", len(body)) + name + body + struct.pack(">I", zlib.crc32(name + body))

    stride = 3 * width
    raw = b"".join(b"\0" + pixels[y * stride : (y + 1) * stride] for y in range(height))
    with open(path, "wb") as f:
        header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header))
        f.write(chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def compare(screen_path, reference_path, shown_path):
    """'same', or how many pixels differ from the reference and by how much at most."""
    width, height, shown = read_xwd(screen_path)
    write_png(shown_path, width, height, shown)
    if read_png(reference_path)[:2] != (width, height):
        return "a different size"
    reference = read_png(reference_path)[2]
    differ, most, stride = 0, 0, 3 * width
    for row in range(0, len(shown), stride):
        if shown[row : row + stride] == reference[row : row + stride]:
            continue
        for at in range(row, row + stride, 3):
            ours, theirs = shown[at : at + 3], reference[at : at + 3]
            if ours != theirs:
                differ += 1
                most = max(most, *(abs(a - b) for a, b in zip(ours, theirs)))
    if not differ:
        return "same as --screenshot"
    share = 100 * differ / (width * height)
    return f"{differ} pixels ({share:.2f} %) differ from --screenshot, by up to {most}"


def renderer():
    """The renderer SDL gives a window here, asked for as display.cpp asks
    (accelerated first, then software), with SDL_VIDEODRIVER and
    SDL_RENDER_DRIVER as set: SDL takes another one when the one named fails."""
    sdl = ctypes.CDLL("libSDL2-2.0.so.0")
    sdl.SDL_CreateWindow.restype = sdl.SDL_CreateRenderer.restype = ctypes.c_void_p
    sdl.SDL_CreateWindow.argtypes = [ctypes.c_char_p] + [ctypes.c_int] * 4 + [ctypes.c_uint32]
    sdl.SDL_CreateRenderer.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_uint32]
    sdl.SDL_GetRendererInfo.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    if sdl.SDL_Init(0x20) != 0:  # SDL_INIT_VIDEO
        return "no display"
    window = sdl.SDL_CreateWindow(b"probe", 0, 0, 64, 64, 0x8)  # SDL_WINDOW_HIDDEN
    made = sdl.SDL_CreateRenderer(window, -1, 0x2) or sdl.SDL_CreateRenderer(window, -1, 0x1)
    info = ctypes.create_string_buffer(128)  # SDL_RendererInfo opens with its name
    if not made or sdl.SDL_GetRendererInfo(made, info) != 0:
        return "none"
    return ctypes.cast(info, ctypes.POINTER(ctypes.c_char_p))[0].decode()


def main():
    if sys.argv[1:2] == ["page"] and len(sys.argv) == 3:
        screen = json.load(sys.stdin)
        if screen.get("mode") != "room" or not screen.get("now"):
            sys.exit("bench_browser.py: needs a room screen with a session now")
        with open(sys.argv[2], "w", encoding="utf-8") as out:
            out.write(page(screen))
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 5:
        print(compare(*sys.argv[2:]))
    elif sys.argv[1:] == ["renderer"]:
        print(renderer())
    else:
        sys.exit(
            "usage: bench_browser.py page OUT.html <PRINT_JSON\n"
            "       bench_browser.py compare XWD REFERENCE.png SHOWN.png\n"
            "       bench_browser.py renderer"
        )


if __name__ == "__main__":
    main()
