#!/usr/bin/python3
"""Lists every date-bearing element of HTML pages, for annotating publication dates by hand.

  /usr/bin/python3 bench/date_candidates.py sample DEV_DIR [N]      # the seeded sample of ids
  /usr/bin/python3 bench/date_candidates.py list FILE.html[.gz]...  # the candidates of each page
  /usr/bin/python3 bench/date_candidates.py show FILE FROM TO       # text runs FROM..TO, to look closer

The sample: every page id of extraction-dev's dragnet/ and cleaneval-dev/ sets, written
"set/id", ordered by SHA-256 of "winnow-dates:" + "set/id", the first N (default 300), sorted.
Anyone can recompute it; it depends on no random-number generator.

The listing shows, per page, the title and first h1 (for context), then each source of a date
in the page's own markup: meta tags whose key mentions a date or time, JSON-LD date fields,
<time> and <abbr> elements, itemprop date elements, canonical/og:url paths holding a date,
elements whose class or id names a date, and visible text runs that hold a date expression
(English, French, German, Spanish, Dutch and Italian month names, or numeric forms), with the
element path and the run's order in the page. The annotator reads the listing (and the page
when in doubt) and decides; see docs/benchmarks.md ("Dates") for the rules. Needs python3-lxml.
"""
import gzip
import hashlib
import json
import os
import re
import sys

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre"
    "|januar|februar|märz|juni|juli|oktober|dezember"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    "|januari|februari|maart|mei|augustus"
    "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
)
VISIBLE = re.compile(
    rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:de\s+|of\s+)?(?:{MONTHS})\.?,?\s+(?:de\s+)?(?:19|20)\d\d\b"
    rf"|\b(?:{MONTHS})\.?,?\s+(?:19|20)\d\d\b"
    r"|\b(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b"
    r"|\b(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|[12]\d|3[01])[-/.](?:(?:19|20)\d\d|\d\d)\b"
    r"|(?:©|&copy;|\bcopyright\b)\s*(?:19|20)\d\d",
    re.IGNORECASE,
)
DATE_KEY = re.compile(r"date|time|pub|issued|creat|modif|updat", re.IGNORECASE)
DATE_NAME = re.compile(r"date|time|publish|posted|dateline|byline|meta|entry-?date|submitted", re.IGNORECASE)
URL_DATE = re.compile(r"/((?:19|20)\d\d)[/_-](\d\d?)[/_-](\d\d?)(?:[/_.-]|$)")
JSON_DATE = re.compile(r'"(date\w*|uploadDate|published\w*)"\s*:\s*"([^"]{4,40})"', re.IGNORECASE)
COMMENTS = re.compile(r"comment|repl(?:y|ies)|respon", re.IGNORECASE)
MONTH_ONLY = re.compile(rf"^(?:{MONTHS})\.?,?\s+(?:19|20)\d\d$", re.IGNORECASE)
SKIP = {"script", "style", "noscript", "template", "svg"}


def sample(dev, n):
    ids = []
    for name in ("dragnet", "cleaneval-dev"):
        for fn in os.listdir(os.path.join(dev, name, "html")):
            if fn.endswith(".html.gz"):
                ids.append(f"{name}/{fn[:-len('.html.gz')]}")
    ids.sort(key=lambda i: hashlib.sha256(f"winnow-dates:{i}".encode()).hexdigest())
    return sorted(ids[:n])


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def where(el):
    parts = []
    while el is not None and len(parts) < 3 and isinstance(el.tag, str):
        label = el.tag
        if el.get("class"):
            label += "." + ".".join(el.get("class").split())[:40]
        if el.get("id"):
            label += "#" + el.get("id")[:30]
        parts.append(label)
        el = el.getparent()
    return " < ".join(parts)


def short(s, n=90):
    s = " ".join((s or "").split())
    return s if len(s) <= n else s[: n - 1] + "…"


def listing(path):
    import lxml.html

    out = []
    tree = lxml.html.document_fromstring(read(path))
    title = tree.find(".//title")
    h1 = tree.find(".//h1")
    out.append(f"  title: {short(title.text_content() if title is not None else '')}")
    out.append(f"  h1: {short(h1.text_content() if h1 is not None else '')}")
    for m in tree.iter("meta"):
        key = " ".join(m.get(a) for a in ("name", "property", "itemprop", "http-equiv") if m.get(a))
        if key and DATE_KEY.search(key) and m.get("content"):
            out.append(f"  meta {key} = {short(m.get('content'), 60)}")
    for s in tree.iter("script"):
        if (s.get("type") or "").strip().lower() in ("application/ld+json", "application/json") and s.text:
            for k, v in JSON_DATE.findall(s.text)[:6]:
                out.append(f"  json-ld {k} = {v}")
    for link in tree.iter("link", "meta"):
        href = link.get("href") if link.tag == "link" else (link.get("content") if link.get("property") == "og:url" else None)
        if href and (link.tag == "meta" or link.get("rel") == "canonical") and URL_DATE.search(href):
            out.append(f"  url {short(href, 100)}")
    for el in tree.iter("time", "abbr"):
        attrs = " ".join(f"{a}={short(el.get(a), 40)}" for a in ("datetime", "title", "class", "pubdate", "itemprop") if el.get(a) is not None)
        out.append(f"  <{el.tag} {attrs}> {short(el.text_content(), 50)}")
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in ("meta", "time", "abbr") and (el.get("itemprop") or "").lower().startswith("date"):
            out.append(f"  itemprop {el.get('itemprop')} content={el.get('content')} text={short(el.text_content(), 50)}")
    # Elements named for a date whose text is split over several runs ("11", "July", "2012").
    named_shown = 0
    for el in tree.iter():
        if named_shown >= 6 or not isinstance(el.tag, str) or el.tag in SKIP or el.tag in ("time", "abbr", "html", "body"):
            continue
        label = (el.get("class") or "") + " " + (el.get("id") or "")
        if re.search(r"date|time|posted|dateline", label, re.IGNORECASE) and not COMMENTS.search(where(el)):
            text = short(el.text_content(), 70)
            if 4 <= len(text) and re.search(r"\d", text) and len(list(el.iterdescendants())) > 0:
                out.append(f"  named {where(el)}: {text}")
                named_shown += 1
    seen = {}
    order = 0
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP or any(a.tag in SKIP for a in el.iterancestors()):
            continue
        for text in (el.text, el.tail):
            if not text or not text.strip():
                continue
            order += 1
            owner = el if text is el.text else el.getparent()
            for m in VISIBLE.finditer(text):
                context = short(text[max(0, m.start() - 30): m.end() + 20], 80)
                named = " [named]" if owner is not None and DATE_NAME.search((owner.get("class") or "") + " " + (owner.get("id") or "")) else ""
                key = (context, where(owner))
                if key in seen:
                    seen[key][1] += 1
                else:
                    seen[key] = [order, 1, named]
    ordered = sorted(seen.items(), key=lambda kv: kv[1][0])
    # Comment dates and month-only archive links are summarised: they are never the page's date
    # but their number and range still tell the annotator what kind of page this is.
    comments = [kv for kv in ordered if COMMENTS.search(kv[0][1])]
    months = [kv for kv in ordered if kv not in comments and MONTH_ONLY.match(kv[0][0].strip())]
    rest = [kv for kv in ordered if kv not in comments and kv not in months]
    shown = [kv for i, kv in enumerate(rest) if i < 14 or kv[1][2]][:24]
    for (context, path), (pos, count, named) in shown:
        times = f" x{count}" if count > 1 else ""
        out.append(f"  text@{pos}{times}{named} {path}: {context}")
    if len(rest) > len(shown):
        out.append(f"  ... {len(rest) - len(shown)} more text dates")
    if comments:
        out.append(f"  {len(comments)} dates in comment blocks, from text@{comments[0][1][0]}: {comments[0][0][0]}")
    if months:
        out.append(f"  {len(months)} month-only dates, from text@{months[0][1][0]}: {months[0][0][0]}")
    out.append(f"  (text runs: {order})")
    return out


def runs(path):
    import lxml.html

    tree = lxml.html.document_fromstring(read(path))
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in SKIP or any(a.tag in SKIP for a in el.iterancestors()):
            continue
        for text in (el.text, el.tail):
            if text and text.strip():
                yield text, (el if text is el.text else el.getparent())


def show(path, first, last):
    for order, (text, owner) in enumerate(runs(path), start=1):
        if first <= order <= last:
            print(f"  {order} {where(owner)}: {short(text, 100)}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "sample":
        for i in sample(argv[1], int(argv[2]) if len(argv) > 2 else 300):
            print(i)
        return 0
    if len(argv) >= 2 and argv[0] == "list":
        for path in argv[1:]:
            print(f"== {path}")
            try:
                print("\n".join(listing(path)))
            except Exception as e:  # a page lxml cannot read is reported, not skipped
                print(f"  error: {type(e).__name__}: {e}")
        return 0
    if len(argv) == 4 and argv[0] == "show":
        show(argv[1], int(argv[2]), int(argv[3]))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
