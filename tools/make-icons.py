#!/usr/bin/env python3
"""Draws Between's PNG icons (two overlapping rings on teal) with no dependencies.

Run once when the design changes: python3 tools/make-icons.py. The PNGs are committed.
"""
import math, struct, zlib, os

TEAL = (0x2F, 0x6F, 0x73)
CREAM = (0xF6, 0xF4, 0xF0)
SAND = (0xF3, 0xC9, 0x8B)

def draw(size, maskable, rounded):
    ss = 3  # supersampling for smooth edges
    n = size * ss
    scale = n / 512.0
    # Maskable icons keep their content inside the central 80 % circle.
    shrink = 0.72 if maskable else 1.0
    rings = [((206, 256), CREAM), ((306, 256), SAND)]
    r, w = 110, 36
    radius = 112 * scale if rounded else 0
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(ss):
                for sx in range(ss):
                    x = (px * ss + sx + 0.5) / scale
                    y = (py * ss + sy + 0.5) / scale
                    # Rounded-square mask.
                    inside = True
                    if radius:
                        rr = radius / scale
                        cx = min(max(x, rr), 512 - rr)
                        cy = min(max(y, rr), 512 - rr)
                        inside = (x - cx) ** 2 + (y - cy) ** 2 <= rr * rr
                    if not inside:
                        continue
                    col = TEAL
                    ux = 256 + (x - 256) / shrink
                    uy = 256 + (y - 256) / shrink
                    for (cx, cy), c in rings:
                        d = math.hypot(ux - cx, uy - cy)
                        if abs(d - r) <= w / 2:
                            col = c
                    acc[0] += col[0]; acc[1] += col[1]; acc[2] += col[2]; acc[3] += 255
            k = ss * ss
            row += bytes([acc[0] // k, acc[1] // k, acc[2] // k, acc[3] // k])
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

out = os.path.join(os.path.dirname(__file__), "..", "public", "icons")
for name, size, maskable, rounded in [
    ("icon-192.png", 192, False, True),
    ("icon-512.png", 512, False, True),
    ("icon-maskable-512.png", 512, True, False),
    ("apple-touch-icon.png", 180, True, False),
]:
    with open(os.path.join(out, name), "wb") as f:
        f.write(draw(size, maskable, rounded))
