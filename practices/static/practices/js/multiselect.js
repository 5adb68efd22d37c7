// Searchable multiple choice, as a progressive enhancement (no framework).
//
// - <select multiple data-multiselect> (the countries of "Share a practice"): the select stays in the
//   form, hidden, and holds the values sent; a filter box, a list of checkboxes and removable chips
//   edit it. Without JavaScript the native select works as before.
// - <fieldset data-multiselect-group> of checkboxes (the listing's country filter): a filter box is
//   added above the checkboxes, which stay the form's own fields.
//
// Keyboard: type to filter; Down moves from the box into the list, Up/Down/Home/End move in it,
// Space or Enter ticks, Escape goes back to the box; Enter in the box ticks the only match. A
// polite live region says how many are chosen and how many match. The texts come from data-*
// attributes, translated on the server ("%(count)s" is replaced here).
(function () {
  "use strict";

  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase().trim();
  const format = (template, count) => (template || "").replace("%(count)s", String(count));

  function visibleBoxes(list) {
    return Array.from(list.querySelectorAll('input[type="checkbox"]')).filter((box) => !box.closest("li").hidden);
  }

  function listKeys(list, filter, toggle) {
    list.addEventListener("keydown", function (event) {
      const boxes = visibleBoxes(list);
      const index = boxes.indexOf(document.activeElement);
      if (index < 0) return;
      let target = null;
      if (event.key === "ArrowDown") target = boxes[Math.min(index + 1, boxes.length - 1)];
      else if (event.key === "ArrowUp") target = index === 0 ? filter : boxes[index - 1];
      else if (event.key === "Home") target = boxes[0];
      else if (event.key === "End") target = boxes[boxes.length - 1];
      else if (event.key === "Escape") target = filter;
      else if (event.key === "Enter") {
        event.preventDefault(); // ticks, rather than sending the form
        toggle(boxes[index]);
        return;
      }
      if (target) {
        event.preventDefault();
        target.focus();
      }
    });
  }

  function filterKeys(filter, list, toggle) {
    filter.addEventListener("keydown", function (event) {
      const boxes = visibleBoxes(list);
      if (event.key === "ArrowDown" && boxes.length) {
        event.preventDefault();
        boxes[0].focus();
      } else if (event.key === "Enter") {
        event.preventDefault();
        if (boxes.length === 1) toggle(boxes[0]);
      } else if (event.key === "Escape" && filter.value) {
        event.preventDefault();
        filter.value = "";
        filter.dispatchEvent(new Event("input"));
      }
    });
  }

  function applyFilter(list, filter) {
    const wanted = fold(filter.value);
    let matching = 0;
    list.querySelectorAll("li").forEach(function (item) {
      const shown = !wanted || fold(item.dataset.name || item.textContent).includes(wanted);
      item.hidden = !shown;
      if (shown) matching += 1;
    });
    return matching;
  }

  function makeFilter(id, labelText) {
    const wrapper = document.createElement("div");
    wrapper.className = "multiselect__search";
    const filter = document.createElement("input");
    filter.type = "search";
    filter.id = id;
    filter.className = "multiselect__filter";
    filter.autocomplete = "off";
    filter.spellcheck = false;
    filter.setAttribute("data-multiselect-filter", "");
    if (labelText) {
      const label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = labelText;
      wrapper.append(label);
    }
    wrapper.append(filter);
    return { wrapper, filter };
  }

  function makeStatus() {
    const status = document.createElement("p");
    status.className = "multiselect__status";
    status.setAttribute("role", "status");
    return status;
  }

  // --- <select multiple data-multiselect> ---------------------------------------------------------
  function enhanceSelect(select) {
    if (select.dataset.multiselectReady) return;
    select.dataset.multiselectReady = "true";
    const texts = select.dataset;
    const id = select.id || "multiselect-" + Math.random().toString(36).slice(2);
    const label = document.querySelector('label[for="' + id + '"]');

    const root = document.createElement("div");
    root.className = "multiselect";
    const chips = document.createElement("ul");
    chips.className = "multiselect__chips";
    if (texts.multiselectChosen) chips.setAttribute("aria-label", texts.multiselectChosen);
    const { wrapper, filter } = makeFilter(id + "-filter", label ? "" : texts.multiselectFilterLabel);
    // The help written for the native list ("hold Ctrl") is replaced by one for this one.
    const help = document.getElementById(id + "_helptext");
    if (help && texts.multiselectHelp) help.textContent = texts.multiselectHelp;
    const describedBy = select.getAttribute("aria-describedby");
    if (describedBy) filter.setAttribute("aria-describedby", describedBy);
    if (select.getAttribute("aria-invalid")) filter.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
    const group = document.createElement("div");
    group.setAttribute("role", "group");
    const list = document.createElement("ul");
    list.className = "multiselect__options";
    group.append(list);
    const status = makeStatus();

    // The field's own label now names the filter box and the group of checkboxes.
    if (label) {
      label.id = label.id || id + "-label";
      label.htmlFor = filter.id;
      group.setAttribute("aria-labelledby", label.id);
    }

    Array.from(select.options).forEach(function (option, index) {
      if (!option.value) return;
      const item = document.createElement("li");
      item.dataset.name = option.text;
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = id + "-option-" + index;
      box.value = option.value;
      box.checked = option.selected;
      const boxLabel = document.createElement("label");
      boxLabel.htmlFor = box.id;
      boxLabel.textContent = option.text;
      item.append(box, boxLabel);
      list.append(item);
    });

    function announce() {
      const chosen = Array.from(select.selectedOptions).length;
      let text = format(texts.multiselectSelected, chosen);
      if (filter.value.trim()) text += " · " + format(texts.multiselectMatching, visibleBoxes(list).length);
      status.textContent = text;
    }

    function renderChips() {
      chips.replaceChildren();
      Array.from(select.selectedOptions).forEach(function (option) {
        const item = document.createElement("li");
        const button = document.createElement("button");
        button.type = "button";
        button.className = "multiselect__chip";
        button.dataset.value = option.value;
        const hidden = document.createElement("span");
        hidden.className = "visually-hidden";
        hidden.textContent = (texts.multiselectRemove || "") + " ";
        const mark = document.createElement("span");
        mark.setAttribute("aria-hidden", "true");
        mark.textContent = " ×";
        button.append(hidden, document.createTextNode(option.text), mark);
        item.append(button);
        chips.append(item);
      });
      chips.hidden = chips.children.length === 0;
    }

    function setChosen(value, chosen) {
      const option = Array.from(select.options).find((candidate) => candidate.value === value);
      if (option) option.selected = chosen;
      const box = list.querySelector('input[value="' + CSS.escape(value) + '"]');
      if (box) box.checked = chosen;
      renderChips();
      announce();
    }

    function toggle(box) {
      setChosen(box.value, !box.checked);
    }

    list.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") setChosen(event.target.value, event.target.checked);
    });
    chips.addEventListener("click", function (event) {
      const button = event.target.closest("button[data-value]");
      if (!button) return;
      const next = button.parentElement.nextElementSibling || button.parentElement.previousElementSibling;
      const nextValue = next && next.querySelector("button").dataset.value;
      setChosen(button.dataset.value, false);
      const focusTarget = nextValue && chips.querySelector('button[data-value="' + CSS.escape(nextValue) + '"]');
      (focusTarget || filter).focus();
    });
    let timer = null;
    filter.addEventListener("input", function () {
      applyFilter(list, filter);
      clearTimeout(timer);
      timer = setTimeout(announce, 300);
    });
    filterKeys(filter, list, toggle);
    listKeys(list, filter, toggle);

    root.append(chips, wrapper, group, status);
    select.hidden = true;
    select.tabIndex = -1;
    select.after(root);
    renderChips();
    announce();
  }

  // --- <fieldset data-multiselect-group> of checkboxes ---------------------------------------------
  const remembered = new Map(); // fieldset id -> filter text, kept when the listing is refreshed

  function enhanceGroup(fieldset) {
    if (fieldset.dataset.multiselectReady) return;
    fieldset.dataset.multiselectReady = "true";
    const list = fieldset.querySelector("ul");
    if (!list) return;
    const texts = fieldset.dataset;
    const key = fieldset.id || "multiselect-group";
    list.querySelectorAll("li").forEach(function (item) {
      const label = item.querySelector("label");
      const count = label && label.querySelector(".facet__count");
      item.dataset.name = label ? label.textContent.replace(count ? count.textContent : "", "") : item.textContent;
    });
    const { wrapper, filter } = makeFilter(key + "-filter", texts.multiselectFilterLabel);
    const status = makeStatus();

    function announce() {
      const chosen = list.querySelectorAll('input[type="checkbox"]:checked').length;
      let text = format(texts.multiselectSelected, chosen);
      if (filter.value.trim()) text += " · " + format(texts.multiselectMatching, visibleBoxes(list).length);
      status.textContent = text;
    }

    function toggle(box) {
      box.click(); // a real change event: the listing refreshes as for a click
    }

    let timer = null;
    filter.addEventListener("input", function () {
      remembered.set(key, filter.value);
      applyFilter(list, filter);
      clearTimeout(timer);
      timer = setTimeout(announce, 300);
    });
    fieldset.addEventListener("change", function (event) {
      if (event.target.type === "checkbox") announce();
    });
    filterKeys(filter, list, toggle);
    listKeys(list, filter, toggle);

    list.before(wrapper);
    list.after(status);
    if (remembered.get(key)) {
      filter.value = remembered.get(key);
      applyFilter(list, filter);
    }
    announce();
  }

  function enhance(root) {
    root.querySelectorAll("select[multiple][data-multiselect]").forEach(enhanceSelect);
    root.querySelectorAll("fieldset[data-multiselect-group]").forEach(enhanceGroup);
  }

  enhance(document);
  // The listing replaces its filters after each change (browse.js): enhance the new ones.
  document.addEventListener("practices:updated", function (event) {
    enhance(event.detail || document);
  });
})();
