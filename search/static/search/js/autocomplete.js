// Title suggestions for the header search box, as a WAI-ARIA 1.2 combobox with a listbox popup
// (APG "list autocomplete with manual selection"): typing asks /<lang>/search/suggest/ (after 200 ms
// without a keystroke); Down/Up move through the suggestions, Enter opens the chosen one (or searches
// when none is chosen), Escape closes the list (or, when it is closed, clears the box). A live region
// announces how many suggestions there are; the sentence comes translated from the server.
// Without JavaScript, or without fetch, the form stays a plain search form.
(function () {
  "use strict";
  const form = document.querySelector("form[data-autocomplete]");
  const input = form && form.querySelector('input[name="q"]');
  if (!input || !window.fetch || !window.AbortController || !window.URLSearchParams) return;

  const DEBOUNCE_MS = 200;
  const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  const listId = input.id + "-suggestions";
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "autocomplete__list";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.dataset.autocompleteLabel || "");
  list.hidden = true;
  const status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  form.append(list, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("autocomplete", "off");

  let options = [];
  let active = -1;
  let timer = null;
  let controller = null;
  let lastQuery = null;

  function setActive(index) {
    active = index;
    options.forEach(function (option, position) {
      option.setAttribute("aria-selected", position === index ? "true" : "false");
    });
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function open() {
    if (!options.length) return;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close() {
    setActive(-1);
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function go(index) {
    const url = options[index].dataset.url;
    close();
    window.location.assign(url);
  }

  function render(data) {
    list.replaceChildren();
    options = (data.results || []).map(function (item, index) {
      const option = document.createElement("li");
      option.id = listId + "-" + index;
      option.className = "autocomplete__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = item.url;
      const title = document.createElement("span");
      title.className = "autocomplete__title";
      title.textContent = item.title;
      const kind = document.createElement("span");
      kind.className = "autocomplete__kind";
      kind.textContent = item.kind;
      option.append(title, " ", kind);
      // Keep the focus (and the caret) in the box while the pointer chooses.
      option.addEventListener("mousedown", function (event) { event.preventDefault(); });
      option.addEventListener("click", function () { go(index); });
      list.append(option);
      return option;
    });
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = data.status || "";
    if (options.length && document.activeElement === input) open(); else close();
  }

  async function update() {
    const query = input.value.trim();
    if (query === lastQuery) { open(); return; }
    lastQuery = query;
    if (controller) controller.abort();
    if (query.length < 2 && !HAN.test(query)) { render({ results: [], status: "" }); return; }
    controller = new AbortController();
    try {
      const url = form.dataset.autocomplete + "?" + new URLSearchParams({ q: query });
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
      const data = await response.json();
      render(response.ok ? data : { results: [], status: data.status || "" });
    } catch (error) {
      if (error.name !== "AbortError") render({ results: [], status: "" });
    }
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, DEBOUNCE_MS);
  });

  input.addEventListener("keydown", function (event) {
    switch (event.key) {
      case "ArrowDown":
        if (!options.length) return;
        event.preventDefault();
        open();
        if (!event.altKey) setActive(active + 1 >= options.length ? 0 : active + 1);
        break;
      case "ArrowUp":
        if (!options.length) return;
        event.preventDefault();
        open();
        setActive(active <= 0 ? options.length - 1 : active - 1);
        break;
      case "Enter":
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          go(active);
        }
        break;
      case "Escape":
        event.preventDefault();
        if (!list.hidden) {
          close();
        } else {
          input.value = "";
          lastQuery = null;
          render({ results: [], status: "" });
        }
        break;
      case "Tab":
        close();
        break;
      case "ArrowLeft":
      case "ArrowRight":
      case "Home":
      case "End":
        setActive(-1); // the caret moves in the text again
        break;
      default:
        break;
    }
  });

  input.addEventListener("blur", close);
  input.addEventListener("focus", function () { if (input.value.trim() === lastQuery) open(); });
})();
