"""The QR code and secret key that add OpenOM to an authenticator app."""

from base64 import b32encode
from xml.etree import ElementTree

import qrcode
import qrcode.image.svg
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice


def qr_code_svg(data: str) -> SafeString:
    """An inline SVG QR code of `data`, with no style attribute (the CSP allows none)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, border=4)
    svg = image.get_image()
    svg.set("width", "200")
    svg.set("height", "200")
    svg.set("role", "img")
    svg.set("aria-label", "QR code to scan with your authenticator app")
    svg.set("focusable", "false")
    # ElementTree escapes every attribute and text value it writes.
    return mark_safe(ElementTree.tostring(svg, encoding="unicode"))


def readable_secret(device: TOTPDevice) -> str:
    """The device's secret in base32, in groups of four, to type into an app by hand."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
