#!/usr/bin/env python3
"""Prepares the signed-in pages for bench/lighthouse.sh against a fresh demo portal.

Files one report at the demo school (so there is a case to open), then signs the demo handler in with
password and second factor, enrolling the second factor with the secret the enrolment page shows
(a fresh data directory has no enrolled handler). Prints one line, tab-separated:
    <Cookie header of the signed-in session>	<path of the new case's page>
Standard library only: the script must run wherever the portal does.
"""
import base64
import hashlib
import hmac
import html
import http.cookiejar
import re
import struct
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
EMAIL, PASSWORD = "handler@demo.haven", "demo-handler-pass"


def opener():
    jar = http.cookiejar.CookieJar()
    return jar, urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def get(op, path):
    with op.open(BASE + path) as r:
        return r.geturl(), r.read().decode("utf-8")


def post(op, path, fields):
    data = urllib.parse.urlencode(fields).encode()
    with op.open(BASE + path, data) as r:
        return r.geturl(), r.read().decode("utf-8")


def hidden(page):
    """The hidden inputs of a page (CSRF and one-time tokens, the pending enrolment)."""
    out = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", page):
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            out[name.group(1)] = html.unescape(value.group(1)) if value else ""
    return out


def totp(secret_b32, at=None):
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (value % 1_000_000)


# A report, as a student would file it (its own cookies: the student is not the handler).
_, student = opener()
_, form = get(student, "/report?lang=en")
fields = hidden(form)
fields.update(school="demo", category="bullying", affected="me", dangerNow="no",
              body="Someone keeps posting edited pictures of me.")
_, receipt = post(student, "/report?lang=en", fields)
if "receipt" not in receipt:
    sys.exit("lighthouse-setup: the report was not filed")

# The handler: password, then the second factor (enrolled now, or passed if a previous run enrolled it).
jar, staff = opener()
_, login = get(staff, "/staff/login?lang=en")
url, page = post(staff, "/staff/login?lang=en",
                 dict(hidden(login), email=EMAIL, password=PASSWORD))
if "/staff/enrol" in url:
    secret = re.search(r'id="secret">([^<]*)<', page).group(1).replace(" ", "")
    url, page = post(staff, "/staff/enrol", dict(hidden(page), code=totp(secret)))
elif "/staff/second-factor" in url:
    sys.exit("lighthouse-setup: the handler is already enrolled; use a fresh data directory")
_, cases = get(staff, "/staff/cases?lang=en")
case = re.search(r'href="(/staff/cases/\d+)', cases)
if not case:
    sys.exit("lighthouse-setup: the handler's case list shows no case")
cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
print(f"{cookie}\t{case.group(1)}")
