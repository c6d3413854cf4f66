"""Draw the demo town's photos once (simple scenes made with Pillow) into
participa/seed/images/. Run by hand when the pictures should change; the files are kept in the
repository, so seeding never draws nor downloads anything."""

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parent.parent / "participa" / "seed" / "images"
W, H = 960, 640


def sky(draw, top, bottom, horizon):
    for y in range(horizon):
        t = y / max(1, horizon - 1)
        draw.line([(0, y), (W, y)], fill=tuple(int(a + (b - a) * t) for a, b in
                                                   zip(top, bottom, strict=True)))


def tree(draw, x, ground, height, crown, rng):
    draw.rectangle([x - 7, ground - height, x + 7, ground], fill=(104, 72, 46))
    for _ in range(7):
        dx, dy = rng.randint(-crown // 2, crown // 2), rng.randint(-crown // 3, crown // 3)
        r = rng.randint(crown // 2, crown)
        shade = rng.randint(0, 40)
        draw.ellipse([x + dx - r, ground - height + dy - r, x + dx + r,
                      ground - height + dy + r], fill=(50 + shade, 120 + shade, 60 + shade // 2))


def bench(draw, x, ground):
    draw.rectangle([x, ground - 34, x + 90, ground - 26], fill=(150, 100, 60))
    draw.rectangle([x, ground - 50, x + 90, ground - 44], fill=(150, 100, 60))
    for leg in (x + 6, x + 80):
        draw.rectangle([leg, ground - 26, leg + 5, ground], fill=(60, 60, 60))


def houses(draw, ground, rng, count=6):
    x = 0
    palette = [(230, 196, 150), (214, 160, 120), (240, 220, 180), (200, 140, 110),
               (226, 210, 190)]
    while x < W:
        width = rng.randint(120, 200)
        height = rng.randint(150, 260)
        draw.rectangle([x, ground - height, x + width, ground], fill=rng.choice(palette))
        draw.polygon([(x - 6, ground - height), (x + width // 2, ground - height - 40),
                      (x + width + 6, ground - height)], fill=(170, 80, 60))
        for wx in range(x + 18, x + width - 30, 46):
            for wy in range(ground - height + 24, ground - 60, 58):
                draw.rectangle([wx, wy, wx + 24, wy + 34], fill=(70, 100, 130))
                draw.rectangle([wx - 3, wy + 34, wx + 27, wy + 38], fill=(240, 240, 240))
        x += width + rng.randint(0, 8)


def square(rng):
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (120, 176, 230), (220, 236, 250), 420)
    houses(draw, 440, rng)
    draw.rectangle([0, 440, W, H], fill=(214, 198, 170))
    for x in range(0, W, 60):
        draw.line([(x, 440), (x - 200, H)], fill=(200, 182, 152), width=2)
    for x in (140, 480, 820):
        tree(draw, x, 560, 150, 60, rng)
    bench(draw, 250, 590)
    bench(draw, 600, 590)
    return image


def gardens(rng):
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (250, 200, 140), (250, 236, 200), 300)
    draw.ellipse([680, 80, 800, 200], fill=(255, 236, 160))
    draw.rectangle([0, 300, W, H], fill=(122, 90, 60))
    for row in range(6):
        y = 330 + row * 52
        for x in range(-40 + (row % 2) * 30, W, 60):
            draw.ellipse([x, y, x + 40, y + 28], fill=(60 + rng.randint(0, 50), 140 +
                                                        rng.randint(0, 50), 60))
            if rng.random() < 0.25:
                draw.ellipse([x + 14, y + 6, x + 26, y + 18], fill=(220, 50, 40))
    draw.rectangle([60, 220, 220, 300], fill=(180, 150, 110))
    draw.polygon([(50, 220), (140, 170), (230, 220)], fill=(120, 70, 50))
    return image


def street(rng):
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (30, 40, 90), (120, 90, 140), 400)
    for _ in range(40):
        x, y = rng.randint(0, W), rng.randint(0, 260)
        draw.point((x, y), fill=(255, 255, 230))
    houses(draw, 470, rng)
    draw.rectangle([0, 470, W, H], fill=(70, 70, 80))
    draw.rectangle([0, 470, W, 500], fill=(150, 150, 150))
    for x in range(80, W, 220):
        draw.rectangle([x, 300, x + 6, 480], fill=(40, 40, 40))
        glow = Image.new("L", (W, H), 0)
        ImageDraw.Draw(glow).ellipse([x - 60, 250, x + 66, 376], fill=120)
        glow = glow.filter(ImageFilter.GaussianBlur(25))
        image.paste((255, 220, 140), (0, 0), glow)
        draw = ImageDraw.Draw(image)
        draw.ellipse([x - 12, 288, x + 18, 312], fill=(255, 240, 180))
    for x in range(0, W, 80):
        draw.rectangle([x, 570, x + 40, 578], fill=(230, 230, 230))
    return image


def playground(rng):
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (140, 200, 240), (230, 245, 255), 380)
    draw.rectangle([0, 380, W, H], fill=(110, 170, 90))
    draw.rectangle([120, 420, 860, 600], fill=(226, 190, 140))
    draw.line([(220, 300), (260, 560)], fill=(200, 60, 50), width=10)
    draw.line([(420, 300), (380, 560)], fill=(200, 60, 50), width=10)
    draw.line([(210, 300), (430, 300)], fill=(200, 60, 50), width=12)
    for x in (280, 350):
        draw.line([(x, 300), (x, 480)], fill=(80, 80, 80), width=3)
        draw.rectangle([x - 20, 480, x + 20, 490], fill=(40, 90, 160))
    draw.polygon([(560, 340), (620, 340), (800, 570), (740, 570)], fill=(240, 190, 40))
    draw.rectangle([540, 340, 580, 570], fill=(40, 120, 180))
    for x in (60, 900):
        tree(draw, x, 470, 140, 55, rng)
    return image


def river(rng):
    image = Image.new("RGB", (W, H))
    draw = ImageDraw.Draw(image)
    sky(draw, (160, 200, 235), (240, 240, 230), 330)
    draw.polygon([(0, 330), (200, 240), (420, 300), (640, 220), (W, 310), (W, 330)],
                 fill=(120, 150, 120))
    draw.rectangle([0, 330, W, H], fill=(100, 160, 90))
    draw.polygon([(380, 330), (580, 330), (860, H), (100, H)], fill=(70, 130, 180))
    for _ in range(30):
        y = rng.randint(350, H - 10)
        x = rng.randint(200, 760)
        draw.line([(x, y), (x + rng.randint(20, 60), y)], fill=(150, 200, 230), width=2)
    draw.arc([300, 380, 660, 620], 180, 360, fill=(150, 120, 100), width=18)
    draw.rectangle([290, 480, 670, 498], fill=(170, 140, 110))
    for x in (90, 820, 900):
        tree(draw, x, 420, 120, 50, rng)
    return image


SCENES = {"placa-arbres": square, "horts-urbans": gardens, "carrer-enllumenat": street,
          "parc-infantil": playground, "riu-passera": river}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, draw in SCENES.items():
        image = draw(random.Random(name)).filter(ImageFilter.SMOOTH)
        path = OUT / f"{name}.jpg"
        image.save(path, "JPEG", quality=78, optimize=True, progressive=True)
        print(path.name, path.stat().st_size)


if __name__ == "__main__":
    main()
