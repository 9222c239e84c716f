// Copy buttons for the invitation links of a self-check round (selfcheck/_invitations.html).
// Progressive enhancement: without this file the buttons stay hidden and the link is
// selected and copied by hand from its labelled read-only field.
(() => {
  const reveal = (root) => {
    root.querySelectorAll("button[data-copy-target]").forEach((button) => {
      button.hidden = false;
    });
  };

  const copy = async (button) => {
    const field = document.getElementById(button.dataset.copyTarget);
    const status = document.getElementById(button.dataset.copyStatus);
    if (!field) return;
    let copied = false;
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(field.value);
        copied = true;
      } catch (error) {
        copied = false;
      }
    }
    if (!copied) {
      // Older browsers and plain-HTTP intranets: copy the selection instead.
      field.focus();
      field.select();
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
    }
    if (status) {
      status.textContent = copied ? button.dataset.copiedText : button.dataset.failedText;
    }
  };

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-copy-target]");
    if (button) copy(button);
  });
  // A focused link is selected whole, ready to copy by hand.
  document.addEventListener("focusin", (event) => {
    if (event.target.matches("input.link-field")) event.target.select();
  });
  reveal(document);
  // The section is swapped by htmx when a link is created.
  document.addEventListener("htmx:load", (event) => reveal(event.detail.elt));
})();
