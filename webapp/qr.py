"""QR codes drawn on the server as inline SVG: no image service, no script."""

import segno


def qr_svg(url: str, title: str) -> str:
    """``url`` as an inline SVG QR code; ``title`` names it for screen readers. It has a
    viewBox and no fixed size, so it fills the box the page's CSS gives it (a printed poster
    makes it 120 mm wide); with width and height set it stayed 148 px in the box's corner."""
    return segno.make(url, error="m").svg_inline(scale=4, title=title, omitsize=True)
