"use strict";
// Renders the run report from the JSON in #winnow-data. Every piece of data reaches the page
// through textContent or attribute setters, never as markup, so document text cannot run.
(function () {
  const D = JSON.parse(document.getElementById("winnow-data").textContent);
  const S = D.stats || { documents: {}, bytes: {}, removed_by_reason: {}, rejected_by_reason: {}, stages: [] };
  const SVG = "http://www.w3.org/2000/svg";
  const fmt = (n) => (n === undefined || n === null) ? "–" : Number(n).toLocaleString("en-US");
  const mb = (n) => (n / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 }) + " MB";

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const k of Object.keys(attrs)) {
        if (k === "text") e.textContent = attrs[k];
        else if (k === "cls") e.className = attrs[k];
        else if (k === "onclick") e.addEventListener("click", attrs[k]);
        else e.setAttribute(k, attrs[k]);
      }
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, attrs[k]);
    return e;
  }
  // Links only for http(s) URLs; anything else (javascript:, data:) is shown as plain text.
  function link(url) {
    if (!url) return el("span", { cls: "muted", text: "–" });
    let ok = false;
    try { const p = new URL(url).protocol; ok = p === "http:" || p === "https:"; } catch (e) { ok = false; }
    if (!ok) return el("span", { text: url });
    return el("a", { cls: "ext", href: url, target: "_blank", rel: "noopener noreferrer", text: url });
  }
  function doc(id) { return (D.docs && Object.prototype.hasOwnProperty.call(D.docs, id)) ? D.docs[id] : {}; }
  function section(id, title) {
    const s = el("section", { id: id }, el("h2", { text: title }));
    document.querySelector("main").append(s);
    document.querySelector("nav").append(el("a", { href: "#" + id, text: title }));
    return s;
  }
  function table(headers, numeric) {
    const t = el("table");
    const tr = el("tr");
    headers.forEach((h, i) => tr.append(el("th", { cls: numeric && numeric[i] ? "num" : "", text: h })));
    t.append(el("thead", null, tr));
    const body = el("tbody");
    t.append(body);
    return [t, body];
  }
  function td(text, cls) { return el("td", { cls: cls || "", text: text }); }

  // A pager over a list: renders one page with render(items, body) and shows prev/next.
  function pager(host, items, pageSize, render) {
    let page = 0;
    const info = el("span", { cls: "muted" });
    const prev = el("button", { text: "‹ prev", onclick: () => { page--; draw(); } });
    const next = el("button", { text: "next ›", onclick: () => { page++; draw(); } });
    const bar = el("div", { cls: "pager" }, prev, info, next);
    const body = el("div");
    host.append(bar, body);
    let list = items;
    function draw() {
      const pages = Math.max(1, Math.ceil(list.length / pageSize));
      page = Math.min(Math.max(0, page), pages - 1);
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      info.textContent = "page " + (page + 1) + " of " + pages + " (" + fmt(list.length) + " items)";
      body.replaceChildren();
      render(list.slice(page * pageSize, (page + 1) * pageSize), body);
    }
    draw();
    return { set(newItems) { list = newItems; page = 0; draw(); } };
  }

  // Horizontal bar chart: rows of {label, value, cls, testid}.
  function barChart(rows, width) {
    const labelW = 230, valueW = 110, rowH = 22, barW = width - labelW - valueW;
    const max = Math.max(1, ...rows.map((r) => r.value));
    const s = svg("svg", { width: width, height: rows.length * rowH + 4, role: "img" });
    rows.forEach((r, i) => {
      const y = i * rowH + 2;
      const label = svg("text", { x: 0, y: y + 15 });
      label.textContent = r.label;
      const w = r.value > 0 ? Math.max(1, Math.round(barW * r.value / max)) : 0;
      const rect = svg("rect", { x: labelW, y: y + 3, width: w, height: rowH - 6, class: r.cls });
      const t = svg("title", {}); t.textContent = r.label + ": " + fmt(r.value); rect.append(t);
      const value = svg("text", { x: labelW + w + 6, y: y + 15 });
      value.textContent = fmt(r.value);
      if (r.testid) { value.setAttribute("data-testid", r.testid); value.setAttribute("data-value", String(r.value)); }
      s.append(label, rect, value);
    });
    return s;
  }

  // Word-level diff (Myers, after trimming the common prefix and suffix). Returns two arrays
  // marking each token of a and b as shared (1) or not (0), or null when more than maxD edits apart.
  function tokens(text) { return text.match(/\s+|\S+\s*/g) || []; }
  function diffMarks(ta, tb, maxD) {
    const ids = new Map();
    const key = (t) => { const w = t.trim(); let v = ids.get(w); if (v === undefined) { v = ids.size; ids.set(w, v); } return v; };
    const a = Int32Array.from(ta, key), b = Int32Array.from(tb, key);
    const ma = new Uint8Array(a.length), mb2 = new Uint8Array(b.length);
    let lo = 0;
    while (lo < a.length && lo < b.length && a[lo] === b[lo]) { ma[lo] = mb2[lo] = 1; lo++; }
    let ea = a.length, eb = b.length;
    while (ea > lo && eb > lo && a[ea - 1] === b[eb - 1]) { ea--; eb--; ma[ea] = mb2[eb] = 1; }
    const A = a.subarray(lo, ea), B = b.subarray(lo, eb), n = A.length, m = B.length;
    if (n === 0 || m === 0) return [ma, mb2];
    const max = n + m, off = max + 1, v = new Int32Array(2 * max + 3), trace = [];
    for (let d = 0; d <= Math.min(max, maxD); d++) {
      trace.push(v.slice(off - d - 1, off + d + 2));
      for (let k = -d; k <= d; k += 2) {
        let x = (k === -d || (k !== d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
        let y = x - k;
        while (x < n && y < m && A[x] === B[y]) { x++; y++; }
        v[off + k] = x;
        if (x >= n && y >= m) {
          let cx = n, cy = m;
          for (let dd = d; dd >= 0; dd--) {
            const snap = trace[dd], at = (kk) => snap[kk + dd + 1];
            const kk = cx - cy;
            const pk = (kk === -dd || (kk !== dd && at(kk - 1) < at(kk + 1))) ? kk + 1 : kk - 1;
            const px = at(pk), py = px - pk;
            while (cx > px && cy > py && cx > 0 && cy > 0) { cx--; cy--; ma[lo + cx] = 1; mb2[lo + cy] = 1; }
            cx = px; cy = py;
          }
          return [ma, mb2];
        }
      }
    }
    return null;
  }
  function markedText(toks, marks, diffCls, testid) {
    const box = el("div", { cls: "text", "data-testid": testid });
    let i = 0;
    while (i < toks.length) {
      const same = marks ? marks[i] : 0;
      let j = i;
      let s = "";
      while (j < toks.length && (marks ? marks[j] : 0) === same) { s += toks[j]; j++; }
      box.append(el("span", { cls: marks ? (same ? "same" : diffCls) : "", text: s }));
      i = j;
    }
    return box;
  }
  // Side by side: two texts, shared words green, words only in A or only in B coloured.
  function sideBySide(titleA, textA, titleB, textB, testid) {
    const ta = tokens(textA), tb = tokens(textB);
    const marks = diffMarks(ta, tb, 2500);
    const wrap = el("div", { "data-testid": testid });
    const words = (t) => t.filter((x) => x.trim().length > 0).length;
    if (marks) {
      let shared = 0;
      ta.forEach((t, i) => { if (marks[0][i] && t.trim()) shared++; });
      wrap.append(el("div", { cls: "legend" },
        el("span", { cls: "same", text: "shared" }), el("span", { cls: "diff-a", text: "only in A" }), el("span", { cls: "diff-b", text: "only in B" }),
        el("span", { cls: "muted", "data-testid": "shared-words", text: fmt(shared) + " shared words; A has " + fmt(words(ta)) + ", B has " + fmt(words(tb)) })));
    } else {
      wrap.append(el("div", { cls: "note", text: "The texts are too different to align word by word here (more than 2,500 edits); shown unmarked." }));
    }
    wrap.append(el("div", { cls: "sbs" },
      el("div", null, el("h4", { text: "A: " + titleA }), markedText(ta, marks && marks[0], "diff-a", testid + "-a")),
      el("div", null, el("h4", { text: "B: " + titleB }), markedText(tb, marks && marks[1], "diff-b", testid + "-b"))));
    return wrap;
  }

  window.WinnowReport = { D, S, el, svg, link, doc, section, table, td, pager, barChart, sideBySide, fmt, mb };
})();
