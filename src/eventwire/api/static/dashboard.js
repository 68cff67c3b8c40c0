// eventwire dashboard: reads the JSON API; every filter lives in the page URL so a view can be shared.
"use strict";
(function () {
  const FILTERS = ["start", "end", "source", "target", "cameo_root", "cameo_code", "quad_class", "plover_type", "text"];
  const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  const QUAD_COLORS = { 1: "#2a7b3d", 2: "#1f6fb2", 3: "#c77c02", 4: "#b3261e" };
  const PAGE = 25;
  const form = document.getElementById("filters");
  const charts = {
    timeline: echarts.init(document.getElementById("timeline")),
    network: echarts.init(document.getElementById("network")),
    dyad: echarts.init(document.getElementById("dyadchart")),
  };
  window.ewCharts = charts;
  let loadSeq = 0;

  function urlParams() { return new URLSearchParams(window.location.search); }

  function filterQuery(params, skip) {
    const q = new URLSearchParams();
    for (const k of FILTERS) {
      const v = params.get(k);
      if (v && !(skip || []).includes(k)) q.set(k, v);
    }
    return q;
  }

  function fillForm(params) {
    for (const k of [...FILTERS, "interval"]) {
      const el = form.elements.namedItem(k);
      if (el) el.value = params.get(k) || (k === "interval" ? "day" : "");
    }
  }

  function setStatus(text, isError) {
    const el = document.getElementById("status");
    el.textContent = text;
    el.className = isError ? "error" : "";
  }

  async function getJSON(path, query) {
    const resp = await fetch(path + "?" + query.toString());
    const body = await resp.json();
    if (!resp.ok) throw new Error(body.error ? body.error.message : resp.statusText);
    return body;
  }

  function navigate(params) {
    history.pushState(null, "", "?" + params.toString());
    load();
  }

  function renderTimeline(points) {
    const periods = [...new Set(points.map((p) => p.period))].sort();
    const index = new Map(periods.map((p, i) => [p, i]));
    const series = Object.keys(QUADS).map((q) => {
      const data = new Array(periods.length).fill(0);
      for (const p of points) if (String(p.quad_class) === q) data[index.get(p.period)] = p.events;
      return { name: q + " " + QUADS[q], type: "bar", stack: "quad", data: data, itemStyle: { color: QUAD_COLORS[q] } };
    });
    charts.timeline.setOption({
      tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 40, right: 10, top: 40, bottom: 30 },
      xAxis: { type: "category", data: periods }, yAxis: { type: "value", minInterval: 1 }, series: series,
    }, true);
  }

  function renderNetwork(edges) {
    const weight = new Map();
    for (const e of edges) {
      weight.set(e.source, (weight.get(e.source) || 0) + e.events);
      weight.set(e.target, (weight.get(e.target) || 0) + e.events);
    }
    const max = Math.max(1, ...edges.map((e) => e.events));
    const nodes = [...weight.entries()].map(([id, w]) => ({ id: id, name: id, value: w, symbolSize: 8 + 22 * Math.sqrt(w / (2 * max)) }));
    charts.network.setOption({
      tooltip: {},
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true, label: { show: true, fontSize: 10 },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7,
        force: { repulsion: 500, edgeLength: [60, 180], gravity: 0.08 },
        data: nodes,
        links: edges.map((e) => ({ source: e.source, target: e.target, value: e.events,
          lineStyle: { width: 1 + 5 * e.events / max, opacity: 0.7, curveness: 0.15 } })),
      }],
    }, true);
  }

  function renderDyad(series) {
    const periods = series.points.map((p) => p.period);
    charts.dyad.setOption({
      tooltip: { trigger: "axis" }, legend: { top: 0 }, grid: { left: 40, right: 40, top: 40, bottom: 30 },
      xAxis: { type: "category", data: periods },
      yAxis: [{ type: "value", name: "Goldstein", min: -10, max: 10 }, { type: "value", name: "events", minInterval: 1 }],
      series: [
        { name: "mean Goldstein", type: "line", data: series.points.map((p) => p.goldstein_mean), connectNulls: true },
        { name: "events", type: "bar", yAxisIndex: 1, data: series.points.map((p) => p.events), itemStyle: { opacity: 0.35 } },
      ],
    }, true);
  }

  function cell(row, text, cls) {
    const td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    if (cls) td.className = cls;
    row.appendChild(td);
    return td;
  }

  function highlight(el, ev) {
    const s = ev.sentence || "";
    if (ev.trigger_start != null && ev.trigger_end != null && ev.trigger_end <= s.length) {
      const mark = document.createElement("mark");
      mark.textContent = s.slice(ev.trigger_start, ev.trigger_end);
      el.append(s.slice(0, ev.trigger_start), mark, s.slice(ev.trigger_end));
    } else {
      el.textContent = s;
    }
    return el;
  }

  function renderTable(page) {
    const body = document.querySelector("#events tbody");
    body.replaceChildren();
    for (const ev of page.items) {
      const tr = document.createElement("tr");
      tr.dataset.eventId = ev.event_id;
      cell(tr, ev.event_date);
      cell(tr, ev.source_code).title = ev.source_name || "";
      cell(tr, ev.cameo_code + " " + (ev.cameo_name || "")).title = ev.plover_type || "";
      cell(tr, ev.target_code).title = ev.target_name || "";
      cell(tr, ev.quad_class, "quad quad-" + ev.quad_class);
      cell(tr, ev.goldstein);
      highlight(cell(tr, "", "evidence"), ev);
      tr.addEventListener("click", () => showDetail(ev.event_id));
      body.appendChild(tr);
    }
    const last = Math.min(page.offset + page.items.length, page.total);
    document.getElementById("pageinfo").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "none";
    document.getElementById("prev").disabled = page.offset === 0;
    document.getElementById("next").disabled = last >= page.total;
  }

  function addItem(dl, term, value) {
    const dt = document.createElement("dt");
    dt.textContent = term;
    const dd = document.createElement("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value == null ? "" : String(value);
    dl.append(dt, dd);
  }

  function list(items) {
    const ol = document.createElement("ol");
    for (const it of items) { const li = document.createElement("li"); li.textContent = it; ol.appendChild(li); }
    return ol;
  }

  async function showDetail(id) {
    const panel = document.getElementById("detail");
    const ev = await getJSON("/api/events/" + encodeURIComponent(id), new URLSearchParams());
    const h = document.createElement("h2");
    h.textContent = `${ev.source_code} → ${ev.cameo_code} ${ev.cameo_name || ""} → ${ev.target_code || "—"}`;
    const dl = document.createElement("dl");
    addItem(dl, "Evidence", highlight(document.createElement("span"), ev));
    addItem(dl, "Trigger", ev.trigger);
    addItem(dl, "Source chain", list(ev.source_chain.length ? ev.source_chain : [ev.source_text || ""]));
    addItem(dl, "Target chain", list(ev.target_chain.length ? ev.target_chain : [ev.target_text || ""]));
    addItem(dl, "Quotes", list(ev.quotes.map((q) => `${q.speaker_name || q.speaker_text}: “${q.text}”`)));
    addItem(dl, "Article", ev.article ? `${ev.article.title || ev.article.id} (${ev.article.date || ""})` : "");
    addItem(dl, "Evidence JSON", JSON.stringify(ev.evidence));
    panel.replaceChildren(h, dl);
    panel.hidden = false;
  }

  function fillDyads(edges, params) {
    const select = document.getElementById("dyad");
    select.replaceChildren();
    const wanted = params.get("dsrc") && params.get("dtgt") ? params.get("dsrc") + "|" + params.get("dtgt") : "";
    const values = edges.map((e) => e.source + "|" + e.target);
    if (wanted && !values.includes(wanted)) values.unshift(wanted);
    for (const v of values) {
      const opt = document.createElement("option");
      opt.value = v;
      opt.textContent = v.replace("|", " → ");
      select.appendChild(opt);
    }
    select.value = wanted || values[0] || "";
    return select.value;
  }

  async function load() {
    const seq = ++loadSeq;
    const params = urlParams();
    fillForm(params);
    const interval = params.get("interval") || "day";
    const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    const q = filterQuery(params);
    setStatus("loading…", false);
    try {
      const tq = new URLSearchParams(q); tq.set("interval", interval);
      const nq = new URLSearchParams(q); nq.set("limit", "60");
      const eq = new URLSearchParams(q); eq.set("limit", String(PAGE)); eq.set("offset", String(offset));
      const [tl, net, page, health] = await Promise.all([getJSON("/api/timeline", tq), getJSON("/api/dyads", nq),
        getJSON("/api/events", eq), getJSON("/api/health", new URLSearchParams())]);
      if (seq !== loadSeq) return;
      renderTimeline(tl.points);
      renderNetwork(net.items);
      renderTable(page);
      document.getElementById("counts").textContent = `${health.events} events in ${health.articles} articles`;
      const dyad = fillDyads(net.items, params);
      if (dyad) {
        const dq = filterQuery(params, ["source", "target"]);
        const [src, tgt] = dyad.split("|");
        dq.set("source", src); dq.set("target", tgt); dq.set("interval", interval);
        renderDyad(await getJSON("/api/dyads/series", dq));
      } else {
        charts.dyad.clear();
      }
      for (const a of document.querySelectorAll("a[data-export]")) a.href = "/api/export?" + a.dataset.export + "&" + q.toString();
      setStatus(`${page.total} events match`, false);
    } catch (err) {
      setStatus(String(err.message || err), true);
    } finally {
      document.body.dataset.loads = String(Number(document.body.dataset.loads) + 1);
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = urlParams();
    for (const k of [...FILTERS, "interval", "offset"]) params.delete(k);
    for (const [k, v] of new FormData(form).entries()) if (v && !(k === "interval" && v === "day")) params.set(k, v);
    navigate(params);
  });
  document.getElementById("reset").addEventListener("click", () => navigate(new URLSearchParams()));
  document.getElementById("dyad").addEventListener("change", (e) => {
    const [src, tgt] = e.target.value.split("|");
    const params = urlParams(); params.set("dsrc", src); params.set("dtgt", tgt);
    navigate(params);
  });
  charts.network.on("click", (e) => {
    if (e.dataType !== "edge") return;
    const params = urlParams(); params.set("dsrc", e.data.source); params.set("dtgt", e.data.target);
    navigate(params);
  });
  for (const [id, step] of [["prev", -PAGE], ["next", PAGE]]) {
    document.getElementById(id).addEventListener("click", () => {
      const params = urlParams();
      params.set("offset", String(Math.max(0, (parseInt(params.get("offset") || "0", 10) || 0) + step)));
      navigate(params);
    });
  }
  window.addEventListener("popstate", load);
  window.addEventListener("resize", () => Object.values(charts).forEach((c) => c.resize()));
  load();
})();
