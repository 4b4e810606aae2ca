#!/usr/bin/env python3
"""Author-side check of content/ against content/README.md, rules A1-A4 and teacher's guides included (the
portal's own validator is authoritative). Usage: .ci/check_content.py [module ...] (A4 counts only without a filter)."""
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

# --- rules A1-A3 (content/README.md), for lessons and teacher's guides ---
KNOW = re.compile(r"knowingly|알면서|알고도|sciemment|en connaissance de cause|en sachant", re.I)
KOREA = re.compile(r"korea|한국|대한민국|corée|coréen", re.I)
CALL = r"(?:call|dial|phone|text|ring|appelle|appelez|appeler|compose|composez|composer|전화|문자|신고)"
NUMBER = re.compile(r"(?<![\d\w])\d+(?:[ .\-]\d+)*")
HASH_NUMBER = re.compile(r"#\s?\d")
CALL_NUMBER = re.compile(CALL + r"\W+(?:\w+\W+){0,2}?\d{1,2}(?!\d)", re.I)
STATUTE_BEFORE = re.compile(r"(?:\barticles?|\bart\.|\bsections?|\bs\.|\bss\.|제|§|\bL\.?|\bR\.?)\s*$", re.I)
GLOSSARY = {}
for lang in LANGS:
    g = root / "glossary" / f"{lang}.yaml"
    if not g.exists(): err(g, "missing: every language has a glossary"); continue
    gy = yaml.safe_load(g.read_text())
    if gy.get("language") != lang: err(g, "language differs from the file name")
    GLOSSARY[lang] = [(t["idea"], t["use"], t.get("avoid") or []) for t in gy.get("terms", [])]

def strings(node):
    if isinstance(node, str): yield node
    elif isinstance(node, dict):
        for v in node.values(): yield from strings(v)
    elif isinstance(node, list):
        for v in node: yield from strings(v)

def phone_numbers(s):
    s = re.sub(r"\]\([^)]*\)|https?://\S+", " ", s)
    for m in NUMBER.finditer(s):
        tok = m.group(0); groups = re.split(r"[ .\-]", tok); digits = re.sub(r"\D", "", tok)
        if all(len(g) == 4 and 1900 <= int(g) <= 2099 for g in groups): continue
        if STATUTE_BEFORE.search(s[max(0, m.start() - 14):m.start()]): continue
        if len(digits) >= 3 and (any(len(g) >= 3 for g in groups) or len(groups) >= 3): yield tok
    for p in (HASH_NUMBER, CALL_NUMBER):
        for m in p.finditer(s): yield m.group(0)

def check_words(f, lang, texts):
    for t in texts:
        for sent in re.split(r"(?<=[.!?。])\s+|\n", t):
            k = KNOW.search(sent)
            if k and KOREA.search(sent): err(f, f"A1: {k.group(0)!r} in a sentence about Korea: {sent.strip()[:90]!r}")
        for p in phone_numbers(t): err(f, f"A2: {p!r} looks like a phone number: name the service and link to /help")
        for idea, use, avoid in GLOSSARY.get(lang, []):
            for a in avoid:
                if a.lower() in t.lower(): err(f, f"A3: {a!r}: the glossary term for {idea} is {use!r}")

def split_front(f):
    text = f.read_text()
    m = re.match(r"^---\n(.*?)\n---\n?(.*)$", text, re.S)
    if not m: err(f, "no front matter"); return None, "", text
    return yaml.safe_load(m.group(1)), m.group(2), text

def check_guide(gf, lesson, lang):
    g, body, text = split_front(gf)
    if g is None: return
    for k in ["minutes", "timing", "groundRules", "disclosure", "prompts", "answerKey", "differentiation"]:
        if not g.get(k): err(gf, f"missing {k}")
    minutes = g.get("minutes", 0)
    if not isinstance(minutes, int) or not 40 <= minutes <= 50: err(gf, "minutes must be 40-50")
    steps = [s.get("minutes", 0) for s in g.get("timing", [])]
    if sum(steps) != minutes or any(x <= 0 for x in steps): err(gf, f"timing minutes add up to {sum(steps)}, not {minutes}")
    if not 3 <= len(g.get("groundRules", [])) <= 5: err(gf, "groundRules has 3-5 items")
    d = g.get("disclosure") or {}
    for k in ["say", "avoid"]:
        if not 2 <= len(d.get(k, [])) <= 4: err(gf, f"disclosure.{k} has 2-4 items")
    if not d.get("tell"): err(gf, "disclosure.tell missing")
    if len(g.get("prompts", [])) != len(lesson.get("discussion", [])): err(gf, "one prompts entry per discussion prompt of the lesson")
    if any(not p.get("goodAnswers") for p in g.get("prompts", [])): err(gf, "a prompt without goodAnswers")
    quiz = lesson.get("quiz", [])
    keys = g.get("answerKey", [])
    if [k.get("id") for k in keys] != [q.get("id") for q in quiz]: err(gf, "answerKey ids differ from the lesson's quiz ids (same order)")
    for k, q in zip(keys, quiz):
        wrong = sorted(w.get("choice") for w in k.get("wrong", []))
        want = [i for i in range(len(q.get("choices", []))) if i != q.get("answer")]
        if wrong != want: err(gf, f"{k.get('id')}: wrong choices {wrong}, expected {want} (one per wrong choice, never the correct one)")
        if any(not w.get("misconception") for w in k.get("wrong", [])): err(gf, f"{k.get('id')}: empty misconception")
    diff = g.get("differentiation") or {}
    for part in ["support", "stretch"]:
        if not 2 <= len(diff.get(part, [])) <= 3: err(gf, f"differentiation.{part} has 2-3 items")
    if re.search(r"^# ", body, re.M): err(gf, "no level-1 heading in the notes")
    if re.search(r"<[a-zA-Z/!]", body): err(gf, "raw HTML in the notes")
    for m2 in PENALTY.finditer(text): err(gf, f"penalty-like figure: {m2.group(0)!r}")
    words = sum(len(x.split()) for x in strings(g)) + len(body.split())
    limit = 700 if lang == "ko" else 900
    if words > limit: err(gf, f"{words} words: at most {limit}, so that it prints on two A4 pages")
    check_words(gf, lang, list(strings(g)) + [body])

cue = {l: [0, 0] for l in LANGS}
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
            check_words(f, lang, list(strings(fm)) + [body])
            for qq in fm.get("quiz", []):
                ch = qq.get("choices", [])
                if len(ch) >= 3 and isinstance(qq.get("answer"), int) and 0 <= qq["answer"] < len(ch):
                    cue[lang][1] += 1
                    right = len(str(ch[qq["answer"]]))
                    if all(right > len(str(c)) for i, c in enumerate(ch) if i != qq["answer"]): cue[lang][0] += 1
            positions = [qq.get("answer") for qq in fm.get("quiz", [])]
            if len(positions) > 2 and max(positions.count(p) for p in set(positions)) * 2 > len(positions):
                err(f, f"A4: answer positions concentrated: {positions}")
            gf = mod / "guide" / f"{band}.{lang}.md"
            if not gf.exists(): err(gf, "missing: every lesson needs its teacher's guide")
            else: check_guide(gf, fm, lang)
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
for g in sorted((root / "modules").glob("*/guide/*")):
    if only and g.parent.parent.name not in only: continue
    if not (g.parent.parent / g.name).exists(): err(g, "a guide for a lesson that does not exist")

# A4 over all modules of a language (only meaningful when no module filter is given)
if not only:
    for lang, (n, t) in cue.items():
        if n * 3 > t: err(f"quiz ({lang})", f"A4: the correct choice is strictly the longest in {n} of {t} items with 3+ choices; at most a third may be")

# A1 in law/kr.yaml; help entries: ages, status, note
kr = yaml.safe_load((root / "law" / "kr.yaml").read_text())
for fact in kr.get("facts", []):
    if fact.get("act") in ("possess", "view"):
        for key in ("offence", "penalty", "statute", "note"):
            for t in strings(fact.get(key) or {}):
                if KNOW.search(t): err("content/law/kr.yaml", f"A1: {fact.get('id')}: {KNOW.search(t).group(0)!r} in Korea's {fact['act']} offence")
for hf in sorted((root / "help").glob("*.yaml")):
    for e in yaml.safe_load(hf.read_text()).get("entries", []):
        ages = str(e.get("ages"))
        m3 = re.fullmatch(r"(\d{1,2})-(\d{1,2})", ages)
        if ages not in ("any", "adult", "under-18") and not (m3 and int(m3.group(1)) <= int(m3.group(2))):
            err(hf, f"{e.get('id')}: ages must be any, adult or a range like \"0-17\"")
        if e.get("status") not in ("verified", "secondary", "needs-review"): err(hf, f"{e.get('id')}: status must be verified, secondary or needs-review")
        if e.get("status") == "needs-review" and not e.get("note"): err(hf, f"{e.get('id')}: needs-review without a note")

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
for lang, (n, t) in cue.items():
    if t: print(f"quiz length cue {lang}: correct choice strictly the longest in {n} of {t} items with 3+ choices (at most a third)")
print(f"{len(errors)} problems")
sys.exit(1 if errors else 0)
