// newsloom web UI: small progressive enhancements. Every page works without this script.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // "/" focuses the search box (unless the reader is typing somewhere).
  document.addEventListener("keydown", (event) => {
    const target = event.target;
    const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if (event.key === "/" && !typing) {
      const box = document.getElementById("q-main") || document.getElementById("q-top");
      if (box) { event.preventDefault(); box.focus(); box.select(); }
    }
  });

  // Timeline: show or hide events by PLOVER type.
  const filter = document.querySelector("[data-filter]");
  if (filter) {
    filter.hidden = false;
    const apply = () => {
      const shown = new Set(Array.from(filter.querySelectorAll("input:checked"), (box) => box.value));
      document.querySelectorAll(".days .event-line[data-type]").forEach((line) => {
        line.classList.toggle("is-hidden", !shown.has(line.dataset.type));
      });
      document.querySelectorAll(".days .story-group").forEach((group) => {
        const visible = group.querySelector(".event-line:not(.is-hidden)");
        group.classList.toggle("is-hidden", !visible);
      });
    };
    filter.addEventListener("change", apply);
  }

  // Long-running forms (upload, compare): say that the server is working.
  document.querySelectorAll("form[data-busy-label]").forEach((form) => {
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; button.textContent = form.dataset.busyLabel || "Working…"; }
    });
  });
});
