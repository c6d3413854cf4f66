// The running total of a budget ballot as people tick projects. Progressive enhancement only:
// without JavaScript, "Check my ballot" shows the same figures from the server.
(function () {
  "use strict";
  var form = document.querySelector("form.ballot-form");
  if (!form) { return; }
  var out = form.querySelector(".running-total");
  var budget = parseInt(form.getAttribute("data-budget"), 10);
  var within = form.getAttribute("data-within");
  var over = form.getAttribute("data-over");
  var knapsack = form.getAttribute("data-kind") === "knapsack";
  var money = new Intl.NumberFormat(document.documentElement.lang || "ca",
    { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  function update() {
    var total = 0;
    var boxes = form.querySelectorAll("input[name=project]:checked");
    for (var i = 0; i < boxes.length; i++) {
      total += parseInt(boxes[i].getAttribute("data-cost"), 10) || 0;
    }
    var text = (knapsack && total > budget) ? over : within;
    out.textContent = text.replace("{total}", money.format(total))
      .replace("{left}", money.format(Math.max(budget - total, 0)))
      .replace("{count}", String(boxes.length));
    out.classList.toggle("error", knapsack && total > budget);
  }
  out.hidden = false;
  form.addEventListener("change", update);
  update();
}());
