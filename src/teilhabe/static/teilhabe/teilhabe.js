// Small progressive enhancements; every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  // Move focus to a swapped region that asks for it, so keyboard and screen-reader
  // users notice the in-place update.
  const target = event.detail.target.querySelector("[data-focus-after-swap]");
  if (target) target.focus();
});
