"""The desk chief's batch report: one self-contained HTML page (no network, no assets).

Stories are ranked by risk; suspect spans are highlighted by category and shaded by
confidence, with message, suggestion and confidence on hover and keyboard focus;
checkboxes and a slider filter by category and minimum confidence.
"""

from __future__ import annotations

import math
from collections import Counter
from html import escape

from mtcheck.result import CATEGORIES, Finding, Result

COLOURS = {
    "entity": "#d7263d",
    "false_friend": "#f46036",
    "calque": "#2e86ab",
    "typography": "#8e44ad",
    "number_format": "#1b998b",
    "word_order": "#c5a000",
    "grammar": "#6c757d",
    "untranslated": "#e84393",
}

_CSS = """
:root{--ink:#1d2430;--muted:#5b6573;--line:#e3e6ea;--bg:#fafbfc}
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
header{padding:16px 24px;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 4px}.sig{color:var(--muted);font:12px ui-monospace,monospace}
main{max-width:980px;margin:0 auto;padding:16px 24px}
.summary{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 16px}.stat{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 12px}
.stat b{display:block;font-size:20px}
.controls{position:sticky;top:0;z-index:2;background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 12px;margin-bottom:16px;display:flex;flex-wrap:wrap;gap:10px 16px;align-items:center}
.controls label{white-space:nowrap;cursor:pointer}.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px}
article{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin-bottom:14px}
article h2{font-size:16px;margin:0}.meta{color:var(--muted);font-size:13px;margin:2px 0 8px}
.risk{display:inline-block;min-width:54px;text-align:center;border-radius:10px;padding:0 8px;color:#fff;font-weight:600;font-size:13px}
details summary{cursor:pointer;color:var(--muted);font-size:13px}
.text p{margin:0 0 .7em}
mark{background:color-mix(in srgb,var(--c) calc(var(--a)*100%),transparent);border-bottom:2px solid var(--c);border-radius:2px;padding:0 1px;position:relative;cursor:help;color:inherit}
mark.off{background:none;border-bottom-color:transparent;cursor:text}
mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:3;width:max-content;max-width:360px;background:#1d2430;color:#fff;font-size:12.5px;line-height:1.4;padding:6px 8px;border-radius:6px;white-space:normal}
mark:not(.off):hover .tip,mark:not(.off):focus .tip{display:block}
mark:focus{outline:2px solid var(--c);outline-offset:1px}
table{border-collapse:collapse;width:100%;font-size:13.5px}td,th{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
tr.off{display:none}.failed li{margin-bottom:4px}code{font-size:12.5px}
@media print{.controls{display:none}body{background:#fff}article{break-inside:avoid;border:none;border-bottom:1px solid #999;border-radius:0}mark .tip{display:none!important}details{display:block}details>*{display:block}}
"""

_JS = """
(function(){
  var boxes=[].slice.call(document.querySelectorAll('input[data-cat]'));
  var slider=document.getElementById('minconf'), out=document.getElementById('minconf-out');
  function apply(){
    var on={}; boxes.forEach(function(b){on[b.dataset.cat]=b.checked;});
    var min=parseFloat(slider.value); out.textContent=min.toFixed(2);
    document.querySelectorAll('[data-conf]').forEach(function(el){
      var show=on[el.dataset.cat] && parseFloat(el.dataset.conf)>=min;
      el.classList.toggle('off',!show);
      if(el.tagName==='MARK'){ if(show){el.setAttribute('tabindex','0');} else {el.removeAttribute('tabindex');} }
    });
    document.querySelectorAll('article').forEach(function(a){
      var n=a.querySelectorAll('mark:not(.off)').length; var c=a.querySelector('.count'); if(c){c.textContent=n;}
    });
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);}); slider.addEventListener('input',apply); apply();
})();
"""


def _risk_colour(risk: float) -> str:
    return "#b02a37" if risk >= 0.8 else "#d9822b" if risk >= 0.5 else "#2f9e44"


def _highlight(text: str, findings: list[Finding]) -> str:
    """Paragraphs of escaped text with <mark> around each finding."""
    out: list[str] = []
    pos = 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:
            continue
        out.append(escape(text[pos : f.start]))
        tip = f"{f.category} · {f.confidence:.2f} — {f.message}"
        if f.suggestions:
            tip += f" → {f.suggestions[0]}"
        out.append(
            f'<mark class="cat-{f.category}" data-cat="{f.category}" data-conf="{f.confidence:.3f}" tabindex="0" '
            f'style="--c:{COLOURS[f.category]};--a:{0.15 + 0.45 * f.confidence:.2f}" aria-label="{escape(tip)}">'
            f'{escape(text[f.start:f.end])}<span class="tip" role="tooltip">{escape(tip)}</span></mark>'
        )
        pos = f.end
    out.append(escape(text[pos:]))
    html = "".join(out)
    return "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in html.split("\n\n") if p.strip())


def _article(rank: int, r: Result) -> str:
    rows = "".join(
        f'<tr data-cat="{f.category}" data-conf="{f.confidence:.3f}"><td>{f.line}:{f.column}</td><td>{escape(f.text)}</td>'
        f"<td>{escape(f.rule)}</td><td>{f.confidence:.2f}</td><td>{escape(f.message)}</td>"
        f"<td>{escape('; '.join(f.suggestions))}</td></tr>"
        for f in r.findings
    )
    title = escape(r.title or r.path or "")
    return (
        f'<article id="a{rank}" data-risk="{r.risk:.4f}"><h2>{rank}. {title}</h2>'
        f'<div class="meta"><span class="risk" style="background:{_risk_colour(r.risk)}">risk {r.risk:.2f}</span> '
        f'<code>{escape(r.path or "-")}</code> · {r.words} words · <span class="count">{len(r.findings)}</span> findings'
        + (" · " + escape("; ".join(r.warnings)) if r.warnings else "")
        + f'</div><div class="text">{_highlight(r.text, r.findings)}</div>'
        + (f"<details><summary>findings table</summary><table><tr><th>at</th><th>text</th><th>rule</th><th>conf.</th>"
           f"<th>why</th><th>suggestion</th></tr>{rows}</table></details>" if rows else "")
        + "</article>"
    )


def render_html_report(results: list[Result], signature: str, min_confidence: float = 0.0) -> str:
    min_confidence = math.floor(min_confidence * 100) / 100  # the slider must not hide findings at the threshold
    ok = sorted((r for r in results if not r.error), key=lambda r: (-r.risk, r.path or ""))
    failed = [r for r in results if r.error]
    per_cat = Counter(f.category for r in ok for f in r.findings)
    words = sum(r.words for r in ok)
    boxes = "".join(
        f'<label><input type="checkbox" data-cat="{c}" checked> <span class="swatch" style="background:{COLOURS[c]}"></span>'
        f"{c.replace('_', ' ')} ({per_cat.get(c, 0)})</label>"
        for c in CATEGORIES
    )
    stats = (
        f'<div class="stat"><b>{len(ok)}</b>articles</div><div class="stat"><b>{words:,}</b>words</div>'
        f'<div class="stat"><b>{sum(per_cat.values())}</b>findings</div>'
        f'<div class="stat"><b>{sum(1 for r in ok if r.risk >= 0.5)}</b>need a full edit (risk ≥ 0.5)</div>'
        f'<div class="stat"><b>{len(failed)}</b>files failed</div>'
    )
    failed_html = (
        '<section class="failed"><h2>Files that could not be checked</h2><ul>'
        + "".join(f"<li><code>{escape(r.path or '-')}</code>: {escape(r.error or '')}</li>" for r in failed)
        + "</ul></section>"
        if failed else ""
    )
    body = "".join(_article(i, r) for i, r in enumerate(ok, 1))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>mtcheck report — {len(ok)} stories</title><style>{_CSS}</style></head><body>"
        f'<header><h1>mtcheck report: {len(ok)} stories ranked by risk</h1><div class="sig">{escape(signature)}</div></header>'
        f'<main><section class="summary">{stats}</section>'
        f'<div class="controls" role="group" aria-label="filters">{boxes}'
        f'<label>min confidence <input id="minconf" type="range" min="{min_confidence:.2f}" max="1" step="0.01" value="{min_confidence:.2f}"> '
        f'<output id="minconf-out">{min_confidence:.2f}</output></label></div>'
        f"{failed_html}{body}</main><script>{_JS}</script></body></html>\n"
    )
