"""Draw the demo associations' logos once (a coloured badge, a symbol and the initials, made
with Pillow) into participa/seed/images/. Run by hand when they should change; the files are
kept in the repository, so seeding never draws nor downloads anything."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "participa" / "seed" / "images"
SIZE = 320
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# file → (background, foreground, initials, symbol)
LOGOS = {
    "logo-avv-barri-vell.png": ((29, 79, 122), (255, 255, 255), "AVV", "houses"),
    "logo-festa-major-nord.png": ((179, 65, 42), (255, 244, 214), "FMN", "star"),
    "logo-club-esportiu.png": ((31, 110, 67), (255, 255, 255), "CER", "ball"),
    "logo-casal-gent-gran.png": ((108, 63, 130), (255, 255, 255), "CGG", "heart"),
}


def symbol(draw, kind, colour):
    cx, top = SIZE // 2, 58
    if kind == "houses":
        for dx in (-62, 0, 62):
            x = cx + dx
            draw.polygon([(x - 28, top + 44), (x, top + 14), (x + 28, top + 44)], fill=colour)
            draw.rectangle([x - 22, top + 44, x + 22, top + 88], fill=colour)
    elif kind == "star":
        points = []
        for i in range(10):
            import math
            r = 52 if i % 2 == 0 else 22
            a = math.pi / 2 + i * math.pi / 5
            points.append((cx + r * math.cos(a), top + 50 - r * math.sin(a)))
        draw.polygon(points, fill=colour)
    elif kind == "ball":
        draw.ellipse([cx - 46, top + 4, cx + 46, top + 96], outline=colour, width=10)
        draw.line([(cx - 46, top + 50), (cx + 46, top + 50)], fill=colour, width=8)
        draw.arc([cx - 30, top + 4, cx + 30, top + 96], 270, 90, fill=colour, width=8)
    elif kind == "heart":
        draw.ellipse([cx - 48, top + 10, cx + 4, top + 62], fill=colour)
        draw.ellipse([cx - 4, top + 10, cx + 48, top + 62], fill=colour)
        draw.polygon([(cx - 46, top + 46), (cx + 46, top + 46), (cx, top + 100)], fill=colour)


def main():
    font = ImageFont.truetype(FONT, 64)
    for name, (background, foreground, initials, kind) in LOGOS.items():
        image = Image.new("RGB", (SIZE, SIZE), (255, 255, 255))
        draw = ImageDraw.Draw(image)
        draw.rounded_rectangle([8, 8, SIZE - 8, SIZE - 8], radius=56, fill=background)
        symbol(draw, kind, foreground)
        box = draw.textbbox((0, 0), initials, font=font)
        draw.text(((SIZE - (box[2] - box[0])) / 2, 190), initials, font=font, fill=foreground)
        image.save(OUT / name, optimize=True)
        print(name, (OUT / name).stat().st_size, "bytes")


if __name__ == "__main__":
    main()
