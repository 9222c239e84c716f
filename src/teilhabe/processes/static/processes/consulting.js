// Consulting entries: fill in the cost at the round's day rate while the amount is typed.
// The form works without this script: an empty cost is calculated on the server.
(function () {
  "use strict";

  function setUp(cost) {
    var form = cost.form;
    var quantity = form.elements.namedItem("quantity");
    var unit = form.elements.namedItem("unit");
    if (!quantity || !unit) {
      return;
    }
    var dayRate = parseFloat(cost.dataset.dayRate);
    var hoursPerDay = parseFloat(cost.dataset.hoursPerDay) || 8;
    function calculated() {
      var amount = parseFloat(String(quantity.value).replace(",", "."));
      if (!isFinite(amount) || amount <= 0 || !isFinite(dayRate)) {
        return null;
      }
      var days = unit.value === "hours" ? amount / hoursPerDay : amount;
      return (Math.round(days * dayRate * 100) / 100).toFixed(2);
    }

    // Only a cost at the day rate (or an empty one) follows the amount; a cost
    // somebody agreed differently stays as typed.
    var filled = cost.value === "" || parseFloat(cost.value).toFixed(2) === calculated()
      ? cost.value
      : null;

    function update() {
      if (cost.value !== "" && cost.value !== filled) {
        return;
      }
      var value = calculated();
      if (value !== null) {
        filled = value;
        cost.value = value;
      }
    }

    quantity.addEventListener("input", update);
    unit.addEventListener("change", update);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-day-rate]").forEach(setUp);
  });
})();
