// Practices listing, enhanced: filters apply as soon as they change, without a full page load.
// Without JavaScript the form submits normally; the URL always holds the filters, so it can be shared.
(function () {
  "use strict";
  if (!document.querySelector("[data-practice-filters]") || !window.fetch || !window.DOMParser) return;
  let controller = null;
  let timer = null;

  async function update() {
    const form = document.querySelector("[data-practice-filters]");
    // Short, shareable URLs: leave out empty fields and the default sort. The server sorts by
    // relevance when there is a query, newest first otherwise (practices/browsing.py); "newest"
    // shown before a query was typed (no relevance option yet) was not the visitor's choice.
    const data = new FormData(form);
    const hasQuery = (data.get("q") || "").trim() !== "";
    const relevanceOffered = form.querySelector('select[name="sort"] option[value="relevance"]') !== null;
    const isDefaultSort = (value) =>
      hasQuery ? value === "relevance" || (value === "newest" && !relevanceOffered) : value === "newest" || value === "relevance";
    const params = new URLSearchParams();
    for (const [name, value] of data) {
      if (value !== "" && !(name === "sort" && isDefaultSort(value))) params.append(name, value);
    }
    const url = form.action + (params.toString() ? "?" + params : "");
    const focusedId = document.activeElement && document.activeElement.id;
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { "X-Requested-With": "fetch" } });
      if (!response.ok) { window.location.assign(url); return; }
      const html = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = html.getElementById("practice-browser");
      const current = document.getElementById("practice-browser");
      if (!fresh || !current) { window.location.assign(url); return; }
      // The filters stay folded or unfolded as the visitor left them.
      const disclosure = current.querySelector("[data-filters-disclosure]");
      const freshDisclosure = fresh.querySelector("[data-filters-disclosure]");
      if (disclosure && freshDisclosure) freshDisclosure.open = disclosure.open;
      current.replaceWith(fresh);
      history.replaceState(null, "", url);
      // Enhancements of the new filters (multiselect.js) first, so focus can return to them too.
      document.dispatchEvent(new CustomEvent("practices:updated", { detail: fresh }));
      if (focusedId) { const element = document.getElementById(focusedId); if (element) element.focus(); }
      init();
    } catch (error) {
      if (error.name !== "AbortError") window.location.assign(url);
    }
  }

  function init() {
    const current = document.querySelector("[data-practice-filters]");
    if (!current) return;
    current.addEventListener("change", function (event) {
      // The search box waits for a pause in typing; a list's own filter box (multiselect.js) submits nothing.
      if (event.target.type === "search" || event.target.hasAttribute("data-multiselect-filter")) return;
      update();
    });
    current.addEventListener("input", function (event) {
      if (event.target.type !== "search" || event.target.hasAttribute("data-multiselect-filter")) return;
      clearTimeout(timer);
      timer = setTimeout(update, 350);
    });
  }
  init();
})();
