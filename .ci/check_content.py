#!/usr/bin/env python3
"""Quick author-side check of content/ against content/README.md (the portal's own validator is authoritative)."""
import re, sys, yaml, pathlib
root = pathlib.Path(__file__).resolve().parent.parent / "content"
BANDS = {"5-7": (10, 20, 14, 10), "8-10": (15, 30, 18, 13), "11-13": (20, 45, None, None), "14-18": (45, 50, None, None)}
LANGS = ["en", "ko", "fr"]
PENALTY = re.compile(r"\d[\d,.]*\s*(years?|months?|년|개월|ans?\b|mois)|\b(KRW|EUR|USD|AUD|GBP)\b|[€$£]|\d\s*(만\s*)?원", re.I)
BANNED = {"5-7": ["deepfake", "sexual", "nude", "딥페이크", "성적", "누드", "나체", "hypertrucage", "sexuel", "sexuelle", r"\bnu\b", r"\bnue\b", "nudité"],
          "8-10": ["sexual", "nude", "성적", "누드", "나체", "sexuel", "sexuelle", r"\bnu\b", r"\bnue\b", "nudité"]}
errors = []
def err(f, m): errors.append(f"{f}: {m}")
only = sys.argv[1:]
for mod in sorted((root / "modules").iterdir()):
    if only and mod.name not in only: continue
    my = yaml.safe_load((mod / "module.yaml").read_text())
    if my.get("id") != mod.name: err(mod, "id differs from folder")
    for band in my["bands"]:
        ids = {}
        for lang in LANGS:
            f = mod / f"{band}.{lang}.md"
            if not f.exists(): err(f, "missing"); continue
            text = f.read_text()
            m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
            if not m: err(f, "no front matter"); continue
            fm = yaml.safe_load(m.group(1)); body = m.group(2)
            for k in ["title", "summary", "minutes", "essentialQuestion", "objectives", "vocabulary", "discussion", "familyNote", "quiz"]:
                if not fm.get(k): err(f, f"missing {k}")
            lo, hi, maxw_enfr, maxw_ko = BANDS[band]
            if not (lo <= int(fm.get("minutes", 0)) <= hi): err(f, f"minutes {fm.get('minutes')} not in {lo}-{hi}")
            if not 2 <= len(fm.get("objectives", [])) <= 3: err(f, "objectives must be 2-3")
            if len(fm.get("vocabulary", [])) < 2: err(f, "vocabulary < 2")
            if len(fm.get("discussion", [])) < 2: err(f, "discussion < 2")
            q = fm.get("quiz", [])
            if not 3 <= len(q) <= 6: err(f, "quiz must have 3-6 questions")
            for qq in q:
                ch = qq.get("choices", [])
                if not 2 <= len(ch) <= 5: err(f, f"{qq.get('id')}: 2-5 choices")
                if not isinstance(qq.get("answer"), int) or not 0 <= qq["answer"] < len(ch): err(f, f"{qq.get('id')}: answer out of range")
                if not qq.get("explanation"): err(f, f"{qq.get('id')}: no explanation")
            ids[lang] = [qq.get("id") for qq in q]
            if len(set(ids[lang])) != len(ids[lang]): err(f, "duplicate quiz ids")
            if len(re.findall(r"^## ", body, re.M)) < 2: err(f, "body needs at least two ## headings")
            if re.search(r"^# ", body, re.M): err(f, "no level-1 heading in body")
            if re.search(r"<[a-zA-Z/]", body): err(f, "raw HTML in body")
            for m2 in PENALTY.finditer(text): err(f, f"penalty-like figure: {m2.group(0)!r}")
            for w in BANNED.get(band, []):
                if re.search(w, text, re.I): err(f, f"banned word for {band}: {w}")
            if maxw_enfr:
                limit = maxw_ko if lang == "ko" else maxw_enfr
                prose = re.sub(r"^#.*$", "", body, flags=re.M)
                for s in re.split(r"(?<=[.!?。])\s+|\n\s*\n|\n[-*] ", prose):
                    n = len(s.split())
                    if n > limit: err(f, f"sentence of {n} words > {limit}: {s.strip()[:60]!r}")
        if len({tuple(v) for v in ids.values()}) > 1: err(mod / band, f"quiz ids differ across languages: {ids}")
# content/duties/<jurisdiction>.yaml: the rules ContentLoader.loadDuties enforces (see content/README.md).
DUTY = {"who": {"any-staff", "lead", "head"},
        "categories": {"intimate-image", "sextortion", "bullying", "adult-concern", "other", "any"},
        "ages": {"5-7", "8-10", "11-13", "14-18", "adult"},
        "action": {"report-police", "report-prosecutor", "report-child-protection", "report-education-authority",
                   "report-hotline", "request-takedown", "inform-parents", "protect-victim", "preserve-evidence", "record"},
        "status": {"verified", "secondary", "needs-review"}}
duty_ids = set()
for f in sorted((root / "duties").glob("*.yaml")) if not only else []:
    doc = yaml.safe_load(f.read_text(), ) or {}
    if doc.get("jurisdiction") != f.stem: err(f, "jurisdiction differs from the file name")
    if not doc.get("duties"): err(f, "a duties file needs at least one duty")
    for d in doc.get("duties") or []:
        i = str(d.get("id", ""))
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", i) or not i.startswith(f.stem + "-"): err(f, f"bad id {i!r}")
        if i in duty_ids: err(f, f"duty id {i} used twice")
        duty_ids.add(i)
        if not str(d.get("source", "")).startswith(("https://", "http://")): err(f, f"{i}: no source (a web address)")
        if not d.get("reviewed"): err(f, f"{i}: no review date")
        t = d.get("trigger") or {}
        if not t.get("categories") or not set(t["categories"]) <= DUTY["categories"]: err(f, f"{i}: bad categories")
        if "ages" in t and not set(t["ages"] or []) <= DUTY["ages"]: err(f, f"{i}: bad ages")
        for k in ["who", "action", "status"]:
            if d.get(k) not in DUTY[k]: err(f, f"{i}: bad {k} {d.get(k)!r}")
        if not isinstance(d.get("mandatory"), bool): err(f, f"{i}: mandatory must be true or false")
        due = d.get("due")
        if not (due in ("immediately", "asap") or (isinstance(due, dict) and list(due) == ["hours"]
                                                   and isinstance(due["hours"], int) and 1 <= due["hours"] <= 8760)):
            err(f, f"{i}: due must be immediately, asap or {{hours: N}}")
        for k in ["title", "detail", "statute"] + (["note"] if "note" in d or d.get("status") == "needs-review" else []):
            texts = d.get(k) or {}
            for lang in LANGS:
                if not str(texts.get(lang, "") or "").strip(): err(f, f"{i}: {k} has no {lang} text")
for e in errors: print(e)
print(f"{len(errors)} problems")
sys.exit(1 if errors else 0)
