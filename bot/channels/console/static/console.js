// The console page: choose who you are, chat with the bot, watch your inbox live (server-sent events).
// Plain JavaScript, no build step and nothing fetched from the internet.
"use strict";

const EXAMPLES = {
  rep: ["今天拜访了苏州仁济医院王主任，下周三再联系", "我的超时线索", "今天要跟进哪些客户", "帮助"],
  manager: ["本周漏斗", "我们团队的超时线索", "本月新增线索按来源", "帮助"],
  admin: ["本周漏斗", "全部超时线索", "帮助"],
  guest: ["你好，我是杭州明德口腔医院的陈院长，想了解64排CT，电话13600001111"],
};
const FIELD = /^\s*([^:：]{1,5})[:：]\s*(.+)$/;  // "联系人：王主任" reads as a card field, as on WeChat Work
const $ = (id) => document.getElementById(id);
const state = { as: null, role: null, source: null, seen: new Set(), people: [] };

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

// **bold** and line breaks, as WeChat Work's markdown shows them; everything else is plain text.
function inline(parent, text) {
  String(text).split(/(\*\*[^*]+\*\*)/).forEach((part) => {
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4) {
      parent.appendChild(el("strong", "", part.slice(2, -2)));
    } else if (part) {
      parent.appendChild(document.createTextNode(part));
    }
  });
  return parent;
}

function timeText(iso) {
  const d = iso ? new Date(iso) : new Date();
  return d.toLocaleString("zh-CN", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

// A file (an exported spreadsheet): a download link to the bytes the message carries, under their name.
function fileLink(payload) {
  const bytes = Uint8Array.from(atob(payload.file_base64), (c) => c.charCodeAt(0));
  const link = el("a", "file-link", payload.file_name);
  link.href = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
  link.download = payload.file_name;
  return link;
}

function renderPayload(payload) {
  const title = payload.title || "";
  const lines = payload.lines || [];
  const buttons = payload.buttons || [];
  if (payload.file_base64) {  // a file, with whatever text came with it
    const bubble = el("div", "bubble file");
    if (title) bubble.appendChild(el("strong", "msg-title", title));
    if (lines.length) bubble.appendChild(inline(el("div"), lines.join("\n")));
    bubble.appendChild(fileLink(payload));
    return bubble;
  }
  if (payload.image_png_base64) {  // a chart (digests): the image, its title and lines under it
    const figure = el("div", "bubble chart");
    const img = el("img");
    img.src = "data:image/png;base64," + payload.image_png_base64;
    img.alt = title;
    figure.appendChild(img);
    if (title) figure.appendChild(el("strong", "msg-title", title));
    if (lines.length) figure.appendChild(inline(el("div"), lines.join("\n")));
    return figure;
  }
  if (!buttons.length) {  // a markdown message
    const bubble = el("div", "bubble");
    if (title) { bubble.appendChild(el("strong", "msg-title", title)); if (lines.length) bubble.appendChild(document.createTextNode("\n")); }
    inline(bubble, lines.join("\n"));
    return bubble;
  }
  const card = el("div", "card");
  card.appendChild(inline(el("div", "card-title"), title));
  const fields = el("div", "card-fields");
  lines.forEach((line) => {
    const m = FIELD.exec(line);
    if (m) {
      const row = el("div", "card-field");
      row.appendChild(el("span", "k", m[1]));
      row.appendChild(inline(el("span", "v"), m[2]));
      fields.appendChild(row);
    } else {
      card.appendChild(inline(el("div", "card-text"), line));
    }
  });
  card.appendChild(fields);
  const row = el("div", "card-buttons");
  buttons.forEach((b) => {
    const button = el("button", "", b.label);
    button.type = "button";
    button.dataset.key = b.key;
    button.addEventListener("click", () => click(card, button, b));
    row.appendChild(button);
  });
  card.appendChild(row);
  return card;
}

function add(listId, who, node, at) {
  const item = el("li", who);
  item.appendChild(el("span", "time", timeText(at)));
  item.appendChild(node);
  const list = $(listId);
  list.appendChild(item);
  list.scrollTop = list.scrollHeight;
  if (listId === "inbox") $("inbox-empty").hidden = true;
  return item;
}

function showMine(id, text, at) {
  if (id && state.seen.has("me:" + id)) return;
  if (id) state.seen.add("me:" + id);
  add("chat", "me", el("div", "bubble", text), at);
}

// A card whose matter closed (an alert's breach ended): its buttons are done, as if one was clicked.
function greyOut(update) {
  const card = document.querySelector(`li[data-handle="${CSS.escape(update.handle)}"] .card`);
  if (!card || card.classList.contains("done")) return;
  card.classList.add("done");
  const buttons = card.querySelectorAll("button");
  buttons.forEach((x) => { x.disabled = true; });
  if (buttons.length) buttons[0].textContent = update.label;
}

function showBot(event) {
  if (event.handle && state.seen.has(event.handle)) return;
  if (event.handle) state.seen.add(event.handle);
  const payload = event.payload || {};
  if (event.kind === "card_update") {
    if (payload.update) greyOut(payload.update);
    return;
  }
  const pane = event.kind === "reply" ? "chat" : "inbox";
  const item = add(pane, "bot", renderPayload(payload), event.at);
  item.dataset.kind = event.kind;
  if (event.handle) item.dataset.handle = event.handle;
}

function newId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
}

async function post(body) {
  const response = await fetch("/console/api/messages", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  if (!response.ok) {
    const detail = await response.json().catch(() => ({}));
    throw new Error(detail.error || response.statusText);
  }
}

async function send(text) {
  text = text.trim();
  if (!text || !state.as) return;
  const id = newId();
  const body = { as: state.as, id, text };
  if (state.role === "guest") body.name = $("guest-name").value.trim();
  showMine(id, text);
  try { await post(body); } catch (e) { add("chat", "bot", el("div", "bubble error", "发送失败：" + e.message)); }
}

async function click(card, button, b) {
  if (card.classList.contains("done")) return;
  card.classList.add("done");  // like WeChat Work: a card answers one click, then reads 已处理
  card.querySelectorAll("button").forEach((x) => { x.disabled = true; });
  button.textContent = "已处理";
  const id = newId();
  showMine(id, "〔" + b.label + "〕");
  try { await post({ as: state.as, id, text: b.key, kind: "button" }); } catch (e) {
    add("chat", "bot", el("div", "bubble error", "操作失败：" + e.message));
  }
}

function guestId() {
  let id = localStorage.getItem("salesbot_guest");
  if (!id) { id = "guest:" + newId().slice(0, 8); localStorage.setItem("salesbot_guest", id); }
  return id;
}

function choose(value) {
  const person = state.people.find((p) => p.key === value);
  state.role = person ? (person.role === "rep" ? "rep" : person.role) : "guest";
  state.as = person ? person.key : guestId();
  if (person) document.cookie = "salesbot_as=" + encodeURIComponent(person.key) + "; path=/; SameSite=Strict";
  $("guest-name-label").hidden = !!person;
  $("chat-title").textContent = person ? "对话 · " + person.name : "对话 · 客户（" + state.as + "）";
  const url = new URL(location.href);
  url.searchParams.set("as", person ? person.key : "guest");
  url.searchParams.delete("token");
  history.replaceState(null, "", url);
  const examples = $("examples");
  examples.replaceChildren();
  (EXAMPLES[state.role] || EXAMPLES.rep).forEach((text) => {
    const b = el("button", "", text);
    b.type = "button";
    b.addEventListener("click", () => send(text));
    examples.appendChild(b);
  });
  connect();
}

function connect() {
  if (state.source) state.source.close();
  state.seen = new Set();
  $("chat").replaceChildren();
  $("inbox").replaceChildren();
  $("inbox-empty").hidden = false;
  $("status").textContent = "连接中…";
  $("status").classList.remove("live");
  const who = encodeURIComponent(state.as);
  const source = new EventSource("/console/api/events?as=" + who);
  state.source = source;
  // Subscribed first, history second: nothing sent in between is missed; handles drop doubles.
  source.addEventListener("ready", async () => {
    $("status").textContent = "在线";
    $("status").classList.add("live");
    const response = await fetch("/console/api/history?as=" + who);
    if (!response.ok || source !== state.source) return;
    const { messages } = await response.json();
    messages.forEach((m) => (m.from === "me" ? showMine(m.id, m.kind === "button" ? "〔按钮〕" : m.text, m.at) : showBot(m)));
    document.body.dataset.ready = state.as;  // for tests and scripts: the page is live for this person
  });
  source.onmessage = (e) => showBot(JSON.parse(e.data));
  source.onerror = () => { $("status").textContent = "重新连接中…"; $("status").classList.remove("live"); };
}

// A demo's button: an ad platform's form lead arrives as the platform would push it, and is assigned.
function showSimulate(label) {
  const button = $("simulate");
  button.textContent = label;
  button.hidden = false;
  button.addEventListener("click", async () => {
    button.disabled = true;
    try {
      const response = await fetch("/console/api/simulate", { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
      const detail = await response.json().catch(() => ({}));
      $("status").textContent = response.ok ? "已模拟：" + detail.sent : "模拟失败：" + (detail.error || response.statusText);
    } finally {
      button.disabled = false;
    }
  });
}

async function start() {
  const response = await fetch("/console/api/people");
  if (!response.ok) { $("status").textContent = "无权访问：" + (await response.text()); return; }
  const answer = await response.json();
  state.people = answer.people;
  if (answer.simulate) showSimulate(answer.simulate);
  const select = $("who");
  const groups = new Map();
  state.people.forEach((p) => {
    const label = p.team || "其他";
    if (!groups.has(label)) { groups.set(label, el("optgroup")); groups.get(label).label = label; }
    const role = { rep: "销售", manager: "主管", admin: "管理员" }[p.role] || p.role;
    const option = el("option", "", `${p.name}（${role}${p.cities.length ? " · " + p.cities.join("、") : ""}）`);
    option.value = p.key;
    groups.get(label).appendChild(option);
  });
  groups.forEach((g) => select.appendChild(g));
  const guest = el("option", "", "客户（访客咨询）");
  guest.value = "guest";
  select.appendChild(guest);
  const wanted = new URL(location.href).searchParams.get("as") ||
    (document.cookie.match(/(?:^|; )salesbot_as=([^;]*)/) || [])[1];
  const first = state.people.find((p) => p.role === "rep") || state.people[0];
  const initial = wanted === "guest" || state.people.some((p) => p.key === decodeURIComponent(wanted || ""))
    ? decodeURIComponent(wanted) : (first ? first.key : "guest");
  select.value = initial;
  select.addEventListener("change", () => choose(select.value));
  choose(initial);
}

$("composer").addEventListener("submit", (e) => { e.preventDefault(); send($("text").value); $("text").value = ""; });
$("text").addEventListener("keydown", (e) => {
  if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("composer").requestSubmit(); }
});
start();
