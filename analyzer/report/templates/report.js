// The report's behaviour: claim selection, the claim panel with its price chart, the claims table.
// Every text shown comes from the embedded JSON or the article DOM and is set with textContent,
// never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var claims = data.claims;
  var byId = {};
  claims.forEach(function (c, n) { c.n = n + 1; byId[c.id] = c; });
  var SVG = "http://www.w3.org/2000/svg";
  var textCache = {};

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = String(text); }
    return node;
  }
  function label(v) { return String(v).replace(/_/g, " "); }
  function column(c) { return c === "adj_close" ? "adjusted close" : label(c); }
  function articleText(a) {
    if (!(a in textCache)) {
      var node = document.getElementById("text-" + a);
      textCache[a] = node ? node.textContent : "";
    }
    return textCache[a];
  }
  function quote(c) {
    if (c.span) { return articleText(c.a).slice(c.span[0], c.span[1]); }
    return c.text || "";
  }
  function fmt(x, digits) {
    if (x === null || x === undefined || isNaN(x)) { return "n/a"; }
    return Number(x).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function signed(x) { return (x > 0 ? "+" : "") + fmt(x, 2) + "%"; }

  // ---- selection ---------------------------------------------------------------------------
  var selected = null;
  function select(id, scroll) {
    var c = byId[id];
    if (!c) { return; }
    selected = id;
    document.querySelectorAll("mark.claim.selected").forEach(function (m) { m.classList.remove("selected"); });
    var marks = document.querySelectorAll('mark.claim[data-claims~="' + CSS.escape(id) + '"]');
    marks.forEach(function (m) { m.classList.add("selected"); });
    var art = document.getElementById("article-" + c.a);
    if (art && !art.open) { art.open = true; }
    if (scroll) {
      var target = marks.length ? marks[0] : art;
      if (target) { target.scrollIntoView({ block: "nearest" }); }
    }
    showDetail(c);
  }

  function showDetail(c) {
    var body = document.getElementById("detail-body");
    document.getElementById("detail-empty").hidden = true;
    body.hidden = false;
    body.replaceChildren();
    var head = el("p");
    var badge = el("span", { "class": "verdict-badge v-" + c.verdict });
    badge.textContent = (data.verdicts[c.verdict] || {}).icon + " " + label(c.verdict);
    head.appendChild(badge);
    head.appendChild(document.createTextNode(" " + label(c.kind) + (c.inst ? " · " + c.inst : "")));
    body.appendChild(head);
    var art = data.articles[c.a];
    body.appendChild(el("p", { "class": "help" }, "In: " + (art ? art.title + " — " + art.outlet +
      (art.time ? ", " + art.time : "") : "")));

    var sentence = el("blockquote", { "class": "sentence v-" + c.verdict });
    if (c.sent) {
      var text = articleText(c.a);
      var s0 = c.sent[0], s1 = c.sent[1], p0 = c.span[0], p1 = c.span[1];
      sentence.appendChild(document.createTextNode(text.slice(s0, p0)));
      sentence.appendChild(el("b", null, text.slice(p0, p1)));
      sentence.appendChild(document.createTextNode(text.slice(p1, s1)));
    } else {
      sentence.textContent = c.text || "";
    }
    body.appendChild(sentence);

    if (c.claimed || c.actual) {
      var figures = el("p", { "class": "figures" });
      figures.appendChild(el("span", { "class": "label" }, "stated "));
      figures.appendChild(el("strong", null, c.claimed || "–"));
      figures.appendChild(el("span", { "class": "label" }, " · actual "));
      figures.appendChild(el("strong", null, c.actual || "–"));
      body.appendChild(figures);
    }
    body.appendChild(el("h3", null, "Explanation"));
    body.appendChild(el("p", { "class": "explanation" }, c.expl));
    if (c.diag) { body.appendChild(el("p", { "class": "diagnosis" }, "Diagnosis: " + c.diag + ".")); }
    if (c.hist) {
      body.appendChild(el("h3", null, "Verdict history"));
      var list = el("ol", { "class": "history" });
      c.hist.forEach(function (h) { list.appendChild(el("li", null, h)); });
      body.appendChild(list);
    }
    body.appendChild(el("h3", null, "Price chart"));
    body.appendChild(priceChart(c));
    body.appendChild(el("h3", null, "Extracted fields"));
    var fields = [["kind", label(c.kind)]];
    if (c.inst) { fields.push(["instrument", c.inst]); }
    if (c.session) { fields.push(["session", c.session]); }
    fields.push(["modality", label(c.modality || "reported")]);
    body.appendChild(pairs(fields.concat(c.fields)));
    body.appendChild(el("h3", null, "Evidence"));
    if (!c.ev.length) { body.appendChild(el("p", { "class": "help" }, "No figures were read for this claim.")); }
    c.ev.forEach(function (ev) {
      var box = el("div", { "class": "evidence" });
      box.appendChild(el("p", null, ev.text));
      if (ev.src) { box.appendChild(el("div", { "class": "src" }, "data file: " + ev.src)); }
      body.appendChild(box);
    });
  }

  function pairs(rows) {
    var dl = el("dl", { "class": "fields" });
    rows.forEach(function (r) { dl.appendChild(el("dt", null, r[0])); dl.appendChild(el("dd", null, r[1])); });
    return dl;
  }

  // ---- price chart -------------------------------------------------------------------------
  function lastOnOrBefore(dates, day) {
    var lo = 0, hi = dates.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (dates[mid] <= day) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  }

  function claimedClose(spec, prev) {
    var sign = spec.dir === "down" ? -1 : 1;
    if (spec.pct !== undefined) {
      var pct = spec.dir ? sign * Math.abs(spec.pct) : spec.pct;
      return { value: prev * (1 + pct / 100), text: signed(pct) };
    }
    if (spec.pts !== undefined) {
      var pts = spec.dir ? sign * Math.abs(spec.pts) : spec.pts;
      return { value: prev + pts, text: (pts > 0 ? "+" : "") + fmt(pts, 2) + " pts" };
    }
    if (spec.lvl !== undefined) { return { value: spec.lvl, text: "level " + fmt(spec.lvl, 2) }; }
    return null;
  }

  function priceChart(c) {
    var box = el("div", { "class": "price-chart" });
    var spec = c.chart;
    if (!data.market) { box.appendChild(el("p", { "class": "help" }, "No market data was given to this report.")); return box; }
    if (!spec) { box.appendChild(el("p", { "class": "help" }, "No instrument and session to chart for this claim.")); return box; }
    var s = data.series[spec.key];
    var symbol = spec.key.split("|")[0];
    if (!s) {
      box.appendChild(el("p", { "class": "help" }, data.missing[symbol] || ("No prices for " + symbol + " around " + spec.s + " in the market data.")));
      return box;
    }
    var at = lastOnOrBefore(s.d, spec.s);
    if (at < 0) { box.appendChild(el("p", { "class": "help" }, "No prices for " + symbol + " on or before " + spec.s + ".")); return box; }
    var lo = Math.max(0, at - 15), hi = Math.min(s.d.length - 1, at + 15);
    var xs = [], ys = [];
    for (var i = lo; i <= hi; i++) { if (s.v[i] !== null) { xs.push(i); ys.push(s.v[i]); } }
    if (!ys.length) { box.appendChild(el("p", { "class": "help" }, "No " + column(s.column) + " prices for " + symbol + " around " + spec.s + ".")); return box; }
    var prev = at > lo ? s.v[at - 1] : null, close = s.v[at];
    if (prev === undefined) { prev = null; }
    var substitute = spec.asked && s.column !== spec.asked;
    var claimed = prev !== null ? claimedClose(spec, prev) : null;
    // an adjusted close is not the traded price: a claimed level cannot be drawn against it
    if (claimed && (!isFinite(claimed.value) || (substitute && spec.pct === undefined && spec.pts === undefined))) { claimed = null; }
    var values = ys.slice();
    if (claimed) { values.push(claimed.value); }
    var ymin = Math.min.apply(null, values), ymax = Math.max.apply(null, values);
    if (ymax === ymin) { ymax += 1; ymin -= 1; }
    var pad = (ymax - ymin) * 0.08; ymin -= pad; ymax += pad;
    var W = 440, H = 200, L = 54, R = 12, T = 14, B = 28;
    function X(i) { return L + (hi === lo ? 0 : (i - lo) / (hi - lo)) * (W - L - R); }
    function Y(v) { return T + (1 - (v - ymin) / (ymax - ymin)) * (H - T - B); }
    var root = svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img" });
    var title = symbol + " " + column(s.column) + " around " + spec.s;
    root.appendChild(svg("title", {}, title));
    for (var g = 0; g <= 3; g++) {
      var gv = ymin + (ymax - ymin) * g / 3;
      root.appendChild(svg("line", { x1: L, x2: W - R, y1: Y(gv), y2: Y(gv), stroke: "#e3e7eb" }));
      root.appendChild(svg("text", { x: L - 4, y: Y(gv) + 4, "text-anchor": "end", "font-size": 10, fill: "#5b6570" }, fmt(gv, 2)));
    }
    var colour = (data.verdicts[c.verdict] || {}).colour || "#757575";
    root.appendChild(svg("rect", { x: X(at) - 5, y: T, width: 10, height: H - T - B, fill: colour, "fill-opacity": 0.12 }));
    if (spec.dg) {
      var dg = s.d.indexOf(spec.dg);
      if (dg >= lo && dg <= hi) {
        root.appendChild(svg("line", { x1: X(dg), x2: X(dg), y1: T, y2: H - B, stroke: "#1565c0", "stroke-dasharray": "4 3", "stroke-width": 1.5, "class": "wrong-day" }));
        root.appendChild(svg("text", { x: X(dg) - 3, y: H - B - 5, "font-size": 10, fill: "#1565c0", "text-anchor": "end" }, "matches " + spec.dg));
      }
    }
    root.appendChild(svg("polyline", { points: xs.map(function (x, k) { return X(x) + "," + Y(ys[k]); }).join(" "), fill: "none", stroke: "#37474f", "stroke-width": 1.5 }));
    if (prev !== null && close !== null) {
      root.appendChild(svg("line", { x1: X(at - 1), y1: Y(prev), x2: X(at), y2: Y(close), stroke: colour, "stroke-width": 4, "stroke-linecap": "round", "class": "actual" }));
    }
    if (claimed) {
      root.appendChild(svg("line", { x1: X(at - 1), y1: Y(prev), x2: X(at), y2: Y(claimed.value), stroke: "#111", "stroke-width": 1.5, "stroke-dasharray": "3 3", "class": "claimed" }));
      root.appendChild(svg("circle", { cx: X(at), cy: Y(claimed.value), r: 3.5, fill: "#fff", stroke: "#111", "stroke-width": 1.5 }));
      root.appendChild(svg("text", { x: X(at) + 6, y: Y(claimed.value) + 4, "font-size": 10, fill: "#111" }, "claimed"));
    }
    root.appendChild(svg("text", { x: L, y: H - 8, "font-size": 10, fill: "#5b6570" }, s.d[lo]));
    root.appendChild(svg("text", { x: W - R, y: H - 8, "font-size": 10, fill: "#5b6570", "text-anchor": "end" }, s.d[hi]));
    root.appendChild(svg("text", { x: X(at), y: H - 8, "font-size": 10, fill: "#111", "text-anchor": "middle" }, s.d[at]));
    box.appendChild(root);
    var cap = symbol + " " + column(s.column) + " on " + s.d[at];
    if (s.d[at] !== spec.s) { cap += " (last session on or before " + spec.s + ")"; }
    if (prev !== null && close !== null) {
      cap += ": " + fmt(prev, 2) + " → " + fmt(close, 2) + " (" + signed((close / prev - 1) * 100) + ")";
    } else if (close !== null) { cap += ": " + fmt(close, 2); }
    cap += claimed ? ". Claimed: " + claimed.text + " (dashed)." : ".";
    if (substitute) { cap += " No " + spec.asked + " here: " + column(s.column) + " shown, so levels are not traded prices."; }
    if (spec.dg) { cap += " The claimed move matches " + spec.dg + (spec.dgp !== undefined ? " (" + signed(spec.dgp) + ")" : "") + " (blue line)."; }
    box.appendChild(el("p", { "class": "cap" }, cap));
    return box;
  }

  // ---- the claims table ----------------------------------------------------------------------
  var tbody = document.querySelector("#claim-table tbody");
  var rows = claims.map(function (c) {
    var art = data.articles[c.a];
    var row = { c: c, n: c.n, verdict: c.verdict, kind: c.kind, inst: c.inst, session: c.session, claimed: c.claimed,
                actual: c.actual || "", quote: quote(c), article: art ? art.title : "", outlet: art ? art.outlet : "",
                day: art ? art.day : "", time: art ? art.time : "", expl: c.expl };
    var tr = el("tr", { "data-claim": c.id, tabindex: "0" });
    tr.appendChild(el("td", null, c.n));
    var v = el("td", { "class": "verdict v-" + c.verdict });
    v.appendChild(el("span", null, (data.verdicts[c.verdict] || {}).icon + " " + label(c.verdict)));
    tr.appendChild(v);
    tr.appendChild(el("td", null, label(c.kind)));
    tr.appendChild(el("td", null, c.inst));
    tr.appendChild(el("td", { "class": "day" }, c.session));
    tr.appendChild(el("td", { "class": "fig" }, c.claimed));
    tr.appendChild(el("td", { "class": "fig" }, row.actual));
    tr.appendChild(el("td", { "class": "quote" }, row.quote));
    tr.appendChild(el("td", { "class": "art" }, row.article));
    tr.appendChild(el("td", { "class": "art" }, row.outlet));
    tr.appendChild(el("td", { "class": "expl" }, c.expl));
    row.tr = tr;
    row.haystack = [c.verdict, c.kind, c.inst, c.session, c.claimed, row.actual, row.quote, row.article, row.outlet,
                    c.expl].join(" ").toLowerCase();
    return row;
  });
  var sortKey = "n", sortDir = 1;
  // a batch of thousands of claims renders its table a page at a time: the page stays quick to open
  var PAGE = 300, limit = PAGE;
  var more = document.getElementById("table-more"), all = document.getElementById("table-all");
  var fVerdict = document.getElementById("f-verdict"), fKind = document.getElementById("f-kind"), fText = document.getElementById("f-text");
  var fOutlet = document.getElementById("f-outlet"), fFrom = document.getElementById("f-from"), fTo = document.getElementById("f-to");
  var shownRows = rows;

  // an article passes on its own fields (outlet, day); a claim also on its verdict, kind and words
  function articlePasses(art) {
    if (!art) { return !fOutlet.value && !fFrom.value && !fTo.value; }
    return (!fOutlet.value || art.outlet === fOutlet.value) &&
      (!fFrom.value || (art.day && art.day >= fFrom.value)) && (!fTo.value || (art.day && art.day <= fTo.value));
  }
  function claimFiltersSet() { return !!(fVerdict.value || fKind.value || fText.value.trim()); }
  function rowPasses(r, want) {
    return articlePasses(data.articles[r.c.a]) && (!fVerdict.value || r.verdict === fVerdict.value) &&
      (!fKind.value || r.kind === fKind.value) && (!want || r.haystack.indexOf(want) >= 0);
  }

  function filterArticles(shown) {
    var withClaims = {};
    shown.forEach(function (r) { withClaims[r.c.a] = true; });
    var visible = 0, total = 0;
    document.querySelectorAll("details.article").forEach(function (node) {
      var a = +node.getAttribute("data-index");
      var show = claimFiltersSet() ? !!withClaims[a] : articlePasses(data.articles[a]);
      node.hidden = !show;
      total += 1;
      visible += show ? 1 : 0;
    });
    var count = document.getElementById("filter-count");
    count.textContent = "showing " + visible + " of " + total + " articles, " + shown.length + " of " + rows.length + " claims";
    count.setAttribute("data-articles", String(visible));
  }

  function renderTable() {
    var want = fText.value.trim().toLowerCase();
    var shown = rows.filter(function (r) { return rowPasses(r, want); });
    shownRows = shown;
    shown.sort(function (a, b) {
      var x = a[sortKey], y = b[sortKey];
      if (typeof x === "number" && typeof y === "number") { return (x - y) * sortDir; }
      return String(x).localeCompare(String(y)) * sortDir || (a.n - b.n);
    });
    var frag = document.createDocumentFragment();
    var rendered = shown.slice(0, limit);
    rendered.forEach(function (r) { frag.appendChild(r.tr); });
    tbody.replaceChildren(frag);
    var count = document.getElementById("table-count");
    count.textContent = shown.length + " of " + rows.length + " claims match" +
      (rendered.length < shown.length ? "; showing the first " + rendered.length : "");
    count.setAttribute("data-shown", String(shown.length));
    more.hidden = all.hidden = rendered.length >= shown.length;
    more.textContent = "Show " + Math.min(PAGE, shown.length - rendered.length) + " more";
    filterArticles(shown);
  }

  // ---- the download: the claims the filters show, as CSV ---------------------------------------
  var CSV_COLUMNS = [["n", "n"], ["verdict", "verdict"], ["kind", "kind"], ["instrument", "inst"], ["session", "session"],
                     ["stated", "claimed"], ["actual", "actual"], ["text", "quote"], ["article", "article"],
                     ["outlet", "outlet"], ["published", "time"], ["explanation", "expl"]];
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    // a spreadsheet must not run a cell as a formula; signed figures ("-25 bp", "+0.07%") stay as they are
    if (/^[=@\t\r]/.test(text) || /^[+\-](?![\d.])/.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function claimsCsv() {
    var lines = [CSV_COLUMNS.map(function (c) { return c[0]; }).join(",")];
    shownRows.forEach(function (r) {
      lines.push(CSV_COLUMNS.map(function (c) { return csvCell(c[1] === "kind" || c[1] === "verdict" ? label(r[c[1]]) : r[c[1]]); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }
  document.getElementById("download-csv").addEventListener("click", function () {
    var blob = new Blob(["\ufeff" + claimsCsv()], { type: "text/csv;charset=utf-8" });
    var link = el("a", { href: URL.createObjectURL(blob), download: "claims.csv" });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    window.__lastDownload = { name: "claims.csv", rows: shownRows.length };
  });
  window.__reportCsv = claimsCsv;
  function resetAndRender() { limit = PAGE; renderTable(); }
  more.addEventListener("click", function () { limit += PAGE; renderTable(); });
  all.addEventListener("click", function () { limit = Infinity; renderTable(); });

  document.querySelectorAll("#claim-table th[data-key]").forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sortDir = key === sortKey ? -sortDir : 1;
      sortKey = key;
      document.querySelectorAll("#claim-table th[data-key]").forEach(function (o) { o.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
      resetAndRender();
    });
  });
  [fVerdict, fKind, fOutlet, fFrom, fTo].forEach(function (f) { f.addEventListener("change", resetAndRender); });
  fText.addEventListener("input", resetAndRender);
  document.getElementById("f-clear").addEventListener("click", function () {
    [fVerdict, fKind, fOutlet, fFrom, fTo, fText].forEach(function (f) { f.value = ""; });
    resetAndRender();
  });

  // ---- events --------------------------------------------------------------------------------
  function markTarget(mark) {
    var ids = mark.getAttribute("data-claims").split(" ");
    // clicking a passage that several claims share steps through them, innermost first
    var now = ids.indexOf(selected);
    return ids[now >= 0 ? (now + 1) % ids.length : 0];
  }
  document.addEventListener("click", function (ev) {
    var mark = ev.target.closest("mark.claim");
    if (mark) { select(markTarget(mark), false); return; }
    var link = ev.target.closest(".claim-link");
    if (link) { select(link.getAttribute("data-claim"), false); return; }
    var tr = ev.target.closest("#claim-table tbody tr");
    if (tr) { select(tr.getAttribute("data-claim"), true); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    var mark = ev.target.closest && ev.target.closest("mark.claim");
    var tr = ev.target.closest && ev.target.closest("#claim-table tbody tr");
    if (mark) { ev.preventDefault(); select(markTarget(mark), false); }
    else if (tr) { ev.preventDefault(); select(tr.getAttribute("data-claim"), true); }
  });

  renderTable();
  var hash = decodeURIComponent(location.hash || "");
  if (hash.indexOf("#claim=") === 0) { select(hash.slice(7), true); }
  window.__reportReady = { claims: claims.length, rows: rows.length };
  if (window.performance && performance.mark) { performance.mark("report-ready"); }
})();
