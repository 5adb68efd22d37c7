// Listing filters folded behind "Filters (n)" on phones (cms/includes/filters_summary.html,
// .filters-disclosure in components.css): wide screens show them unfolded. Where ::details-content
// is supported the stylesheet alone shows them; opening the <details> keeps its state truthful.
(function () {
  "use strict";
  const wide = window.matchMedia("(min-width: 60rem)");
  function unfold() {
    if (!wide.matches) return;
    for (const disclosure of document.querySelectorAll("[data-filters-disclosure]")) disclosure.open = true;
  }
  wide.addEventListener("change", unfold);
  unfold();
})();
