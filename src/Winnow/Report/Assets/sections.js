"use strict";
// The report's sections. Each shows only when its data exists in the run folder.
(function () {
  const { D, S, el, svg, link, doc, section, table, td, pager, barChart, sideBySide, fmt, mb } = window.WinnowReport;
  document.getElementById("title").textContent = "Winnow run report: " + D.title;
  document.getElementById("sub").textContent = D.generated_by + (S.winnow_version ? " · run by winnow " + S.winnow_version : "");

  function card(label, testid, docs, bytes) {
    return el("div", { cls: "card" },
      el("div", { cls: "n", "data-testid": testid, "data-value": String(docs ?? ""), text: fmt(docs) }),
      el("div", { cls: "l", text: label }),
      el("div", { cls: "b", "data-testid": testid + "-bytes", "data-value": String(bytes ?? ""), text: bytes === undefined ? "" : mb(bytes) }));
  }
  function shownNote(host, key, what) {
    const c = D.counts && D.counts[key];
    if (c && c[0] < c[1]) host.append(el("div", { cls: "note", "data-testid": "sampled-" + key, text: "Showing " + fmt(c[0]) + " of " + fmt(c[1]) + " " + what + " (size bound of this page; see the last section)." }));
  }

  // Overview: counts and the reasons chart.
  const ov = section("overview", "Overview");
  if (!D.stats) ov.append(el("div", { cls: "note", text: "stats.json is missing: the run did not complete." }));
  const d = S.documents || {}, b = S.bytes || {};
  ov.append(el("div", { cls: "cards" },
    card("documents in", "count-in", d.in, b.in), card("kept", "count-kept", d.kept, b.kept),
    card("removed", "count-removed", d.removed, b.removed), card("rejected", "count-rejected", d.rejected, b.rejected)));
  if (S.tokens) {
    // Token counts (stats.json "tokens"): in = kept + removed, of the texts as written.
    const tk = S.tokens;
    const [t, body] = table(["tokens (" + tk.tokenizer + ")", "count"], [0, 1]);
    t.setAttribute("data-testid", "token-table");
    body.append(el("tr", null, td("in"), td(fmt(tk.in), "num")), el("tr", null, td("kept"), td(fmt(tk.kept), "num")), el("tr", null, td("removed"), td(fmt(tk.removed), "num")));
    for (const [r, n] of Object.entries(tk.removed_by_reason || {})) body.append(el("tr", null, td("  removed: " + r), td(fmt(n), "num")));
    ov.append(el("h3", { text: "Tokens" }), t);
  }
  for (const n of D.notes || []) ov.append(el("div", { cls: "note", text: n }));
  const rows = [{ label: "kept", value: d.kept || 0, cls: "bar-kept", testid: "bar-kept" }];
  for (const [r, t] of Object.entries(S.removed_by_reason || {})) rows.push({ label: "removed: " + r, value: t.documents, cls: "bar-removed", testid: "bar-removed-" + r });
  for (const [r, t] of Object.entries(S.rejected_by_reason || {})) rows.push({ label: "rejected: " + r, value: t.documents, cls: "bar-rejected", testid: "bar-rejected-" + r });
  ov.append(el("h3", { text: "Where the documents went" }), barChart(rows, 860));
  if ((S.stages || []).length) {
    const [t, body] = table(["stage", "documents in", "removed", "bytes removed"], [0, 1, 1, 1]);
    for (const s of S.stages) body.append(el("tr", null, td(s.name), td(fmt(s.documents_in), "num"), td(fmt(s.documents_removed), "num"), td(fmt(s.bytes_removed), "num")));
    ov.append(el("h3", { text: "Stages" }), t);
  }

  // Duplicate clusters: size distribution, searchable list, members and side by side.
  if ((D.histogram && D.histogram.total > 0) || (D.clusters || []).length) {
    const cs = section("clusters", "Duplicate clusters");
    const h = D.histogram;
    cs.append(el("p", { text: fmt(h.total) + " clusters (largest: " + fmt(h.largest) + " documents). Exact duplicates are grouped by the document kept in their place; near duplicates come from clusters.jsonl." }));
    const kinds = Object.keys(h.kinds);
    const chart = [];
    h.buckets.forEach((bk, i) => kinds.forEach((k) => chart.push({ label: k + ", size " + bk, value: h.kinds[k][i], cls: "kind-" + (k === "exact" || k === "near" ? k : "other"), testid: "hist-" + k + "-" + i })));
    cs.append(el("h3", { text: "Cluster sizes (documents per cluster)" }), barChart(chart.filter((r) => r.value > 0), 860));
    shownNote(cs, "clusters", "clusters, largest first");
    const clusters = D.clusters || [];
    const search = el("input", { type: "search", placeholder: "search clusters by id, url or title", "data-testid": "cluster-search" });
    cs.append(el("h3", { text: "Clusters" }), search);
    let haystacks = null;
    const host = el("div");
    cs.append(host);
    const p = pager(host, clusters, 50, (items, body) => {
      const [t, tb] = table(["cluster", "kind", "size", "kept document", "title"], [0, 0, 1, 0, 0]);
      t.setAttribute("data-testid", "cluster-table");
      for (const c of items) {
        const kd = doc(c.kept);
        const tr = el("tr", { cls: "clickable", "data-testid": "cluster-row", "data-cluster": c.id },
          td(c.id), td(c.kind), td(fmt(c.size), "num"), el("td", null, el("span", { text: c.kept + " " }), link(kd.url)), td(kd.title || ""));
        const detailRow = el("tr", null, el("td", { colspan: "5" }));
        detailRow.hidden = true;
        tr.addEventListener("click", (ev) => {
          if (ev.target.tagName === "A") return;
          detailRow.hidden = !detailRow.hidden;
          tr.classList.toggle("open", !detailRow.hidden);
          if (!detailRow.hidden && !detailRow.firstChild.firstChild) detailRow.firstChild.append(clusterDetail(c));
        });
        tb.append(tr, detailRow);
      }
      body.append(t);
    });
    search.addEventListener("input", () => {
      const q = search.value.trim().toLowerCase();
      if (!haystacks) haystacks = clusters.map((c) => [c.id].concat(c.members.flatMap((m) => [m[0], doc(m[0]).url || "", doc(m[0]).title || ""])).join("\n").toLowerCase());
      p.set(q ? clusters.filter((c, i) => haystacks[i].includes(q)) : clusters);
    });
  }

  function clusterDetail(c) {
    const box = el("div", { cls: "detail", "data-testid": "cluster-detail" });
    const [t, body] = table(["A", "B", "id", "url", "title", "similarity to kept", ""], [0, 0, 0, 0, 0, 1, 0]);
    const name = "pick-" + c.id;
    const withText = c.members.filter((m) => doc(m[0]).text !== undefined).map((m) => m[0]);
    let pickA = withText[0], pickB = withText[1];
    c.members.forEach((m) => {
      const dm = doc(m[0]);
      const has = dm.text !== undefined;
      const ra = el("input", { type: "radio", name: name + "-a", value: m[0] });
      const rb = el("input", { type: "radio", name: name + "-b", value: m[0] });
      ra.disabled = rb.disabled = !has;
      ra.checked = m[0] === pickA; rb.checked = m[0] === pickB;
      ra.addEventListener("change", () => { pickA = m[0]; });
      rb.addEventListener("change", () => { pickB = m[0]; });
      body.append(el("tr", { "data-testid": "member-row" }, el("td", null, ra), el("td", null, rb), td(m[0]), el("td", null, link(dm.url)), td(dm.title || ""),
        td(m[1] === null ? "–" : m[1].toFixed(3), "num"),
        el("td", null, m[0] === c.kept ? el("span", { cls: "tag kept", text: "kept" }) : (dm.removed ? el("span", { cls: "tag", text: "removed" }) : null))));
    });
    box.append(t);
    if (c.size > c.members.length) box.append(el("div", { cls: "muted", text: "… and " + fmt(c.size - c.members.length) + " more members not listed." }));
    const out = el("div");
    const compare = el("button", { "data-testid": "compare", text: "Compare A and B side by side", onclick: () => {
      out.replaceChildren();
      if (!pickA || !pickB) { out.append(el("div", { cls: "note", text: "Pick two members with text." })); return; }
      const a = doc(pickA), bb = doc(pickB);
      out.append(sideBySide(pickA + (a.title ? " · " + a.title : ""), a.text, pickB + (bb.title ? " · " + bb.title : ""), bb.text, "side-by-side"));
    } });
    if (withText.length >= 2) box.append(el("div", { cls: "pager" }, compare), out);
    else box.append(el("div", { cls: "note", text: "Texts of this cluster are not embedded (page size bound)." }));
    return box;
  }

  // Boilerplate paragraphs.
  if ((D.boilerplate || []).length) {
    const bs = section("boilerplate", "Boilerplate");
    shownNote(bs, "boilerplate", "boilerplate paragraphs, most widespread first");
    pager(bs, D.boilerplate, 50, (items, body) => {
      const [t, tb] = table(["text", "kind", "documents", "groups", "examples"], [0, 0, 1, 0, 0]);
      for (const e of items) tb.append(el("tr", { "data-testid": "boilerplate-row" }, el("td", null, el("div", { cls: "preview", text: e.text })), td(e.kind || ""), td(fmt(e.docs), "num"),
        td(e.groups.map((g) => g[0] + " (" + fmt(g[1]) + ")").join(", ")), td(e.examples.join(", "))));
      body.append(t);
    });
  }

  // Reuse: passages shared by two documents, aligned.
  if ((D.reuse || []).length) {
    const rs = section("reuse", "Text reuse");
    shownNote(rs, "reuse", "reuse passages, longest first");
    pager(rs, D.reuse, 20, (items, body) => {
      for (const r of items) {
        const da = doc(r.a), db = doc(r.b);
        const out = el("div");
        const head = el("div", { cls: "pager", "data-testid": "reuse-row" },
          el("strong", { text: r.a + " ↔ " + r.b }), el("span", { cls: "muted", text: fmt(r.matched_words) + " matched words" + (r.similarity !== undefined ? ", similarity " + r.similarity.toFixed(3) : "") }),
          el("button", { text: "show passages", onclick: () => {
            if (out.firstChild) { out.replaceChildren(); return; }
            if (r.a_text === undefined || r.b_text === undefined) { out.append(el("div", { cls: "note", text: "Passage text not embedded (page size bound, or document not found)." })); return; }
            out.append(el("div", null, link(da.url), el("span", { text: "  ↔  " }), link(db.url)),
              sideBySide(r.a + " [" + r.a_start + "–" + r.a_end + ")", r.a_text, r.b + " [" + r.b_start + "–" + r.b_end + ")", r.b_text, "reuse-side-by-side"));
          } }));
        body.append(head, out);
      }
    });
  }

  // Filter and PII decisions: removal examples, rejections, attributes.
  const ex = D.removed_examples || {}, rj = D.rejected_examples || {}, at = D.attributes || [];
  if (Object.keys(ex).length || Object.keys(rj).length || at.length) {
    const fs = section("decisions", "Filter and PII decisions");
    const exampleTable = (list, withKept) => {
      const [t, tb] = table(["id", "url / title", "stage", withKept ? "kept in its place / detail" : "detail", "text (start)"]);
      for (const e of list) tb.append(el("tr", { "data-testid": "example-row" }, td(e.id), el("td", null, link(e.url), el("div", { cls: "muted", text: e.title || "" })), td(e.stage || ""),
        td([e.kept_id ? "kept: " + e.kept_id : "", e.detail || "", e.attributes || ""].filter((x) => x).join(" · ")), el("td", null, el("div", { cls: "preview", text: e.preview }))));
      return t;
    };
    const chooser = (title, map, render, testid) => {
      const keys = Object.keys(map);
      if (!keys.length) return;
      const sel = el("select", { "data-testid": testid });
      keys.forEach((k) => sel.append(el("option", { value: k, text: k + " (" + map[k].length + " examples)" })));
      const out = el("div");
      const draw = () => out.replaceChildren(render(map[sel.value]));
      sel.addEventListener("change", draw);
      fs.append(el("h3", { text: title }), sel, out);
      draw();
    };
    chooser("Removed documents by reason", ex, (l) => exampleTable(l, true), "removed-reason");
    chooser("Rejected input records by reason", rj, (list) => {
      const [t, tb] = table(["file:line", "message", "bytes", "preview"], [0, 0, 1, 0]);
      for (const e of list) tb.append(el("tr", null, td((e.file || "") + (e.line ? ":" + e.line : "")), td(e.message || ""), td(fmt(e.bytes), "num"), el("td", null, el("div", { cls: "preview", text: e.preview || "" }))));
      return t;
    }, "rejected-reason");
    if (at.length) {
      const [t, tb] = table(["attribute", "documents", "set / non-zero", "min", "mean", "max"], [0, 1, 1, 1, 1, 1]);
      for (const a of at) tb.append(el("tr", null, td(a.name), td(fmt(a.docs), "num"), td(fmt(a.set), "num"), td(a.min === undefined ? "" : String(a.min), "num"), td(a.mean === undefined ? "" : String(a.mean), "num"), td(a.max === undefined ? "" : String(a.max), "num")));
      fs.append(el("h3", { text: "Attributes on kept documents" }), t);
    }
    chooser("Kept documents with attributes set, by stage", D.attribute_examples || {}, (l) => exampleTable(l, false), "attribute-stage");
  }

  // Size bounds of this page.
  const bd = section("bounds", "Size bounds");
  const [t, tb] = table(["bound", "value"], [0, 1]);
  for (const [k, v] of Object.entries(D.bounds || {})) tb.append(el("tr", null, td(k.replaceAll("_", " ")), td(fmt(v), "num")));
  bd.append(el("p", { text: "This page embeds a bounded sample so it opens quickly whatever the corpus size. Lists longer than these bounds are cut; the sections above say when." }), t);

  document.documentElement.setAttribute("data-ready", "1");
  window.__winnowReady = true;
  window.__winnowReadyMs = performance.now();
})();
