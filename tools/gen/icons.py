#!/usr/bin/env python3
"""Draw the app's icons (PNG, the sizes browsers want, and a maskable one with its safe
zone) once; the results are committed. Run: pip install pillow && python3 tools/gen/icons.py
"""
import pathlib

from PIL import Image, ImageDraw

OUT = pathlib.Path(__file__).resolve().parent.parent / "public" / "icons"
TEAL, YELLOW, WHITE = (0, 97, 127), (255, 221, 0), (255, 255, 255)


def draw(size: int, maskable: bool) -> Image.Image:
    img = Image.new("RGB", (size, size), TEAL)
    d = ImageDraw.Draw(img)
    # A maskable icon keeps its content inside the central 80% circle.
    scale = 0.8 if maskable else 1.0
    c, u = size / 2, size * scale / 64
    d.ellipse([c - 10 * u, c - 16 * u, c + 10 * u, c + 4 * u], fill=YELLOW)  # the sun of the flag
    d.rounded_rectangle([c - 18 * u, c + 10 * u, c + 18 * u, c + 14 * u], radius=2 * u, fill=WHITE)
    d.rounded_rectangle([c - 14 * u, c + 18 * u, c + 14 * u, c + 22 * u], radius=2 * u, fill=WHITE)
    return img


OUT.mkdir(parents=True, exist_ok=True)
for size in (192, 512):
    draw(size, False).save(OUT / f"icon-{size}.png", optimize=True)
draw(512, True).save(OUT / "maskable-512.png", optimize=True)
print("wrote", sorted(p.name for p in OUT.iterdir()))
