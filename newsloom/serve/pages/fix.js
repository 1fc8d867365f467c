// newsloom web UI: the corrections panel of an event, entity or story page (see _fix.html).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-fix-target]");
  if (!box) return;
  box.hidden = false;
  const target = box.dataset.fixTarget;
  const id = Number(box.dataset.fixId);
  const plural = { event: "events", entity: "entities", story: "stories" }[target];
  const KEY = "newsloom-token";
  const status = box.querySelector(".fix-status");
  const tokenForm = box.querySelector(".fix-token");
  const say = (text) => { if (status) status.textContent = text; };
  const token = () => sessionStorage.getItem(KEY) || "";
  const askToken = () => { if (tokenForm) tokenForm.hidden = Boolean(token()); };
  const list = (text) => text.split(",").map((s) => s.trim()).filter(Boolean);

  async function post(url, body) {
    if (!token()) { askToken(); say("Type the write token first."); return null; }
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token() },
      body: JSON.stringify(body),
    });
    const data = await response.json().catch(() => ({}));
    if (response.status === 401 || response.status === 403) { sessionStorage.removeItem(KEY); askToken(); }
    if (!response.ok) { say((data.error && data.error.message) || "The correction failed (" + response.status + ")."); return null; }
    return data;
  }

  function values(kind, form) {
    const field = (name) => { const input = form.querySelector(`[name="${name}"]`); return input ? input.value.trim() : ""; };
    if (kind === "split") return target === "entity" ? { aliases: list(field("aliases")) } : { articles: list(field("articles")) };
    if (kind === "retype") return { type: field("type") };
    if (kind === "date") return { date: field("date"), date_end: field("date_end") || null };
    if (kind === "location") return { location: field("location") };
    if (kind === "actors") return { source: list(field("source")), target: list(field("target")) };
    return {};
  }

  if (tokenForm) {
    askToken();
    tokenForm.addEventListener("submit", (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY, tokenForm.querySelector("[name=token]").value);
      tokenForm.reset();
      askToken();
      say("Token kept for this tab.");
    });
  }

  box.querySelectorAll("form[data-fix-kind]").forEach((form) => {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const kind = form.dataset.fixKind;
      const others = kind === "merge" ? list(form.querySelector("[name=ids]").value).map(Number) : [];
      if (others.some((n) => !Number.isInteger(n) || n <= 0)) { say("Ids are whole numbers, e.g. 12, 15."); return; }
      const reason = (box.querySelector(".fix-reason input") || { value: "" }).value.trim();
      say("Saving…");
      const done = await post("/api/corrections", { target, kind, ids: [id, ...others], values: values(kind, form), reason });
      if (!done) return;
      say(`Saved as correction ${done.id}.`);
      const next = done.result_ids.includes(id) || !done.result_ids.length ? id : done.result_ids[0];
      window.location.assign(`/${plural}/${next}`);
    });
  });

  const shown = box.querySelector(".fix-list");
  fetch(`/api/corrections?target_kind=${target}&target_id=${id}`, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? response.json() : { items: [] }))
    .then((page) => {
      if (!page.items.length) { const li = document.createElement("li"); li.className = "muted"; li.textContent = "None yet."; shown.append(li); }
      page.items.forEach((row) => {
        const li = document.createElement("li");
        li.className = "fix-record";
        li.dataset.correction = row.id;
        const facts = Object.entries(row.values).filter(([, v]) => v !== null && v !== "").map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`);
        li.textContent = `#${row.id} ${row.kind} ${row.target_kind} ${row.target_ids.join(", ")}${facts.length ? " (" + facts.join("; ") + ")" : ""}` +
          ` by ${row.token_name}, ${row.created_at}${row.reason ? " — " + row.reason : ""}${row.undone_at ? " — undone" : ""}`;
        if (!row.undone_at && box.querySelector(".fix-forms")) {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = "Undo";
          button.addEventListener("click", async () => {
            const done = await post(`/api/corrections/${row.id}/undo`, { reason: "" });
            if (done) window.location.reload();
          });
          li.append(" ", button);
        }
        shown.append(li);
      });
    });
});
