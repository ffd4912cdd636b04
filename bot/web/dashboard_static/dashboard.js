// The manager dashboard: fetch /api/dashboard and draw it. Charts are small SVGs drawn here, sized to
// their card in pixels and redrawn on resize, so text stays readable on a phone and nothing is fetched
// from elsewhere. Every value goes in through textContent, never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const params = new URLSearchParams(location.search);
let range = params.get("range") === "month" ? "month" : "week";
let data = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

function pct(share) {
  return share === null || share === undefined ? "—" : Math.round(share * 100) + "%";
}

function widthOf(box) {
  return Math.max(box.clientWidth || 0, 260);
}

// Horizontal bars: a label, a bar scaled to the largest value, the value and an optional note.
function hbars(box, items, emptyText) {
  box.replaceChildren();
  if (!items.length || items.every((i) => !i.value)) {
    box.append(el("p", { class: "empty" }, emptyText || "暂无数据"));
    if (!items.length) return;
  }
  const width = widthOf(box), row = 28, labelW = 76, valueW = 92;
  const max = Math.max(1, ...items.map((i) => i.value));
  const svg = svgEl("svg", { width, height: items.length * row, role: "img" });
  items.forEach((item, n) => {
    const y = n * row, barW = Math.max(0, (width - labelW - valueW) * item.value / max);
    const g = svgEl("g", { class: "bar" });
    g.append(svgEl("title", {}, `${item.label}：${item.value}${item.note ? "，" + item.note : ""}`));
    g.append(svgEl("text", { x: 0, y: y + 18 }, item.label));
    g.append(svgEl("rect", { x: labelW, y: y + 6, width: barW, height: row - 12, rx: 3, fill: item.color || "var(--bar)" }));
    const value = svgEl("text", { x: labelW + barW + 6, y: y + 18 }, String(item.value));
    if (item.note) value.append(svgEl("tspan", { class: "muted", dx: 6 }, item.note));
    g.append(value);
    svg.append(g);
  });
  box.append(svg);
}

// Columns on a 0..max scale with a label above each and the x label below.
function columns(box, items, max, height) {
  const width = widthOf(box), top = 18, bottom = 20, h = height || 160;
  const slot = width / Math.max(items.length, 1), barW = Math.min(36, slot * 0.6);
  const svg = svgEl("svg", { width, height: h, role: "img" });
  svg.append(svgEl("line", { x1: 0, x2: width, y1: h - bottom, y2: h - bottom, stroke: "var(--line)" }));
  items.forEach((item, n) => {
    const x = n * slot + (slot - barW) / 2;
    const barH = item.value === null ? 0 : (h - top - bottom) * item.value / (max || 1);
    const g = svgEl("g", { class: "column" });
    g.append(svgEl("title", {}, item.title || `${item.label}：${item.text}`));
    g.append(svgEl("rect", { x, y: h - bottom - barH, width: barW, height: barH, rx: 3, fill: item.color || "var(--bar)" }));
    g.append(svgEl("text", { x: x + barW / 2, y: h - bottom - barH - 4, "text-anchor": "middle" }, item.text));
    g.append(svgEl("text", { x: x + barW / 2, y: h - 5, "text-anchor": "middle", class: "muted" }, item.label));
    svg.append(g);
  });
  box.replaceChildren(svg);
}

// A tiny column chart for one rep's days, drawn inside a table cell.
function spark(perDay, max) {
  const w = Math.max(perDay.length * 8, 56), h = 24, slot = w / Math.max(perDay.length, 1);
  const svg = svgEl("svg", { width: w, height: h, class: "spark", role: "img" });
  svg.append(svgEl("title", {}, perDay.join(" / ")));
  perDay.forEach((n, i) => {
    const barH = n ? Math.max(2, (h - 2) * n / (max || 1)) : 1;
    svg.append(svgEl("rect", { x: i * slot + 1, y: h - barH, width: Math.max(slot - 2, 1), height: barH, fill: n ? "var(--bar)" : "var(--line)" }));
  });
  return svg;
}

function table(box, head, rows, emptyText) {
  if (!rows.length) {
    box.replaceChildren(el("p", { class: "empty" }, emptyText));
    return;
  }
  const thead = el("thead", {}, el("tr", {}, ...head.map(([text, cls]) => el("th", cls ? { class: cls } : {}, text))));
  const body = el("tbody");
  for (const cells of rows) {
    body.append(el("tr", {}, ...cells.map((c) => (c instanceof Node ? el("td", {}, c) : el("td", c.cls ? { class: c.cls } : {}, String(c.text ?? c))))));
  }
  box.replaceChildren(el("table", {}, thead, body));
}

function tiles(s) {
  const sla = s.sla_base ? `${Math.round(100 * s.sla_met / s.sla_base)}%` : "—";
  const items = [
    ["新增线索", s.new_leads, ""],
    ["跟进次数", s.followups, `涉及 ${s.leads_followed} 个客户`],
    ["签约 / 输单", `${s.won} / ${s.lost}`, ""],
    ["超时线索", s.overdue, "", s.overdue ? "alert" : ""],
    // The chat's 本周漏斗 number (elapsed time); the SLA chart counts the scan's business-time alerts.
    ["首次响应达标（自然时间）", sla, s.sla_base ? `${s.sla_met}/${s.sla_base}` : ""],
    ["首次响应中位数", s.median_first_response || "—", ""],
  ];
  document.getElementById("summary").replaceChildren(
    ...items.map(([label, value, note, cls]) => el("div", { class: "tile " + (cls || "") }, el("b", {}, String(value)), el("span", {}, note ? `${label} · ${note}` : label))),
  );
}

function draw() {
  if (!data) return;
  const $ = (id) => document.getElementById(id);
  $("viewer").textContent = `${data.viewer.name} · ${data.viewer.scope}`;
  $("period").textContent = `${data.range.name}：${data.range.label}`;
  tiles(data.summary);
  hbars($("funnel"), data.funnel.map((s) => ({ label: s.stage, value: s.reached, note: s.conversion === null ? "" : `转化 ${pct(s.conversion)}` })), "本期没有新增线索");
  hbars($("stages"), data.stages.map((s) => ({ label: s.stage, value: s.count, color: s.stage === "输单" ? "var(--bad)" : "var(--bar)" })), "还没有线索");
  columns($("sla"), data.sla_weeks.map((w) => ({
    label: w.week, value: w.met_share, text: pct(w.met_share),
    color: w.met_share === null ? "var(--line)" : w.met_share >= 0.9 ? "var(--good)" : w.met_share >= 0.7 ? "var(--warn)" : "var(--bad)",
    title: `${w.week} 起一周：分配 ${w.assigned} 条，首次响应超时 ${w.breached} 条，约定跟进逾期 ${w.followup_breaches} 次`,
  })), 1);
  const last = data.sla_weeks[data.sla_weeks.length - 1];
  $("sla-note").textContent = `本周分配 ${last.assigned} 条，首次响应超时 ${last.breached} 条；约定跟进逾期 ${last.followup_breaches} 次。`;
  hbars($("cities"), data.by_city.map((c) => ({ label: c.name, value: c.count })), "本期没有新增线索");
  hbars($("sources"), data.by_source.map((c) => ({ label: c.name, value: c.count })), "本期没有新增线索");
  const busiest = Math.max(1, ...data.reps.flatMap((r) => r.per_day));
  table($("reps"), [["姓名"], [`每日跟进（${data.range.days[0]}–${data.range.days[data.range.days.length - 1]}）`], ["跟进", "num"], ["新增", "num"], ["签约", "num"]],
    data.reps.map((r) => [r.name, spark(r.per_day, busiest), { text: r.followups, cls: "num" }, { text: r.new_leads, cls: "num" }, { text: r.won, cls: "num" }]),
    "本期还没有跟进记录");
  $("overdue-count").textContent = data.overdue_total > data.overdue.length ? `共 ${data.overdue_total} 条，显示前 ${data.overdue.length} 条` : `共 ${data.overdue_total} 条`;
  table($("overdue"), [["客户"], ["负责人"], ["阶段"], ["原因"], ["超时", "num"], ["上次跟进"]],
    data.overdue.map((o) => [o.company, o.owner, o.stage, o.rule, { text: o.overdue, cls: "num late" }, o.last_note || "—"]),
    "没有超时的线索，都按时跟进了。");
  table($("recent"), [["客户"], ["城市"], ["阶段"], ["负责人"], ["联系人"], ["来源"], ["最近动态"], ["下次跟进"]],
    data.recent.map((r) => [r.company, r.city || "—", r.stage, r.owner, r.contact, r.source, r.active, r.next_followup]),
    "还没有线索");
  $("generated").textContent = `数据截至 ${data.generated}`;
}

async function load() {
  const status = document.getElementById("status");
  document.querySelectorAll("#ranges button").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.range === range)));
  const query = new URLSearchParams({ range });
  if (params.get("as")) query.set("as", params.get("as"));
  let response, body;
  try {
    // The token the page was opened with goes along as a header (not in the address, not in logs).
    const headers = params.get("token") ? { Authorization: "Bearer " + params.get("token") } : {};
    response = await fetch("api/dashboard?" + query, { credentials: "same-origin", cache: "no-store", headers });
    body = await response.json().catch(() => ({}));
  } catch (e) {
    status.textContent = "无法连接服务器，请稍后刷新重试。";
    status.className = "error";
    return;
  }
  if (!response.ok) {
    status.textContent = body.error || (response.status === 401 ? "需要访问令牌：请使用带 ?token= 的链接打开。" : `加载失败（${response.status}）`);
    status.className = "error";
    document.getElementById("board").hidden = true;
    return;
  }
  data = body;
  status.hidden = true;
  document.getElementById("board").hidden = false;
  draw();
}

document.querySelectorAll("#ranges button").forEach((button) => button.addEventListener("click", () => {
  range = button.dataset.range;
  params.set("range", range);
  history.replaceState(null, "", "?" + params);
  load();
}));
let resizing = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(draw, 150);
});
load();
