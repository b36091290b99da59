#!/usr/bin/env python3
"""Compares two PNG screenshots pixel by pixel (8-bit RGB or RGBA, as foyer
writes them; no imaging library needed). Prints the share of pixels whose
colour differs by more than a few levels and exits 1 when the sizes differ
or that share is over the limit (default 0: identical pictures).
usage: png_diff.py A.png B.png [max_share]"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None or interlace:
        sys.exit(f"{path}: only 8-bit RGB/RGBA, not interlaced")
    return width, height, channels, unfilter(zlib.decompress(idat), width, height, channels)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def unfilter(raw, width, height, bpp):
    stride = width * bpp
    rows, previous, pos = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[pos], bytearray(raw[pos + 1:pos + 1 + stride])
        pos += 1 + stride
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            predictor = (0, left, up, (left + up) // 2, paeth(left, up, corner))[kind]
            line[i] = (line[i] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    limit = float(sys.argv[3]) if len(sys.argv) == 4 else 0.0
    a, b = read_png(sys.argv[1]), read_png(sys.argv[2])
    if a[:2] != b[:2]:
        print(f"sizes differ: {a[0]}x{a[1]} and {b[0]}x{b[1]}")
        return 1
    width, height, ca, rows_a = a
    _, _, cb, rows_b = b
    differing = 0
    for row_a, row_b in zip(rows_a, rows_b):
        if row_a == row_b and ca == cb:
            continue
        for x in range(width):
            pa, pb = row_a[x * ca:x * ca + 3], row_b[x * cb:x * cb + 3]
            if max(abs(p - q) for p, q in zip(pa, pb)) > 8:
                differing += 1
    share = differing / (width * height)
    print(f"{width}x{height}: {differing} pixels differ ({share:.4%})")
    return 0 if share <= limit else 1


if __name__ == "__main__":
    sys.exit(main())
