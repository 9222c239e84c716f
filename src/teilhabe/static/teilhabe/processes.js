// Block status forms: show only the fields the chosen status needs (results and the
// day it was done for "done", the reason for "dropped"). Without this file every
// field is shown with a help text saying when it is needed; the server decides.
(() => {
  const NEEDS = { drop_reason: "dropped", results: "done", completed_on: "done", confirm_early: "done" };

  function update(form) {
    const select = form.querySelector("select[name=status]");
    if (!select) return;
    for (const [name, status] of Object.entries(NEEDS)) {
      const input = form.querySelector(`[name=${name}]`);
      const field = input && input.closest(".field");
      if (!field) continue;
      // A field with an error message stays visible whatever the status.
      field.hidden = select.value !== status && !field.classList.contains("field-invalid");
    }
  }

  function setUp(root) {
    root.querySelectorAll("form.status-form").forEach(update);
  }

  document.addEventListener("change", (event) => {
    if (event.target.matches("form.status-form select[name=status]")) {
      update(event.target.form);
    }
  });
  document.addEventListener("DOMContentLoaded", () => setUp(document));
  // After an outerHTML swap the old target has left the document: look at all forms.
  document.addEventListener("htmx:afterSwap", () => setUp(document));
})();

// After a block moved in place (htmx), keep the keyboard where it was: on the moved
// block's button. The old element left the document, so look in the whole page.
document.addEventListener("htmx:afterSwap", () => {
  const target = document.querySelector(".phase [data-focus-after-swap]");
  if (target) {
    target.focus();
    target.removeAttribute("data-focus-after-swap");
  }
});
