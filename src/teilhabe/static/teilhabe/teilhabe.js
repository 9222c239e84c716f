// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // Move focus to a swapped region that asks for it, so keyboard and screen-reader
  // users notice the in-place update.
  const target = event.detail.target.querySelector("[data-focus-after-swap]");
  if (target) target.focus();
});

// A table wider than its box scrolls inside it (.table-wrap). Keyboard users can only
// scroll what they can focus, so such a box becomes a focusable, named region; it goes
// back to a plain box when the window grows wide enough.
function markScrollableTables() {
  document.querySelectorAll(".table-wrap").forEach((wrap) => {
    // A wrapper its template already made a region stays as the template made it.
    if (wrap.hasAttribute("tabindex") && !wrap.dataset.autoRegion) return;
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && !wrap.dataset.autoRegion) {
      const table = wrap.querySelector("table");
      const caption = table && table.querySelector("caption");
      const section = wrap.closest("section");
      const heading = section && section.querySelector("h2, h3");
      const label = (caption || heading || {}).textContent || document.title;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", label.trim());
      wrap.dataset.autoRegion = "1";
    } else if (!scrolls && wrap.dataset.autoRegion) {
      ["tabindex", "role", "aria-label"].forEach((name) => wrap.removeAttribute(name));
      delete wrap.dataset.autoRegion;
    }
  });
}
document.addEventListener("DOMContentLoaded", markScrollableTables);
window.addEventListener("resize", markScrollableTables);
document.addEventListener("htmx:afterSettle", markScrollableTables);
