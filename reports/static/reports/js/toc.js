// The table of contents follows the reader: the link of the section being read gets
// aria-current="location". Without JavaScript the table of contents is a plain list of links.
(() => {
  const entries = [];
  document.querySelectorAll(".toc a[href^='#']").forEach((link) => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target) entries.push({ link, target });
  });
  if (entries.length === 0) return;

  const mark = (current) => {
    entries.forEach(({ link }) => {
      if (link === current) link.setAttribute("aria-current", "location");
      else link.removeAttribute("aria-current");
    });
  };

  const update = () => {
    const line = window.innerHeight * 0.3;
    // A section the reader just jumped to stays current while its heading is near the top,
    // even when short sections after it are also in view.
    const fromHash = entries.find(({ link }) => link.hash === window.location.hash);
    if (fromHash) {
      const top = fromHash.target.getBoundingClientRect().top;
      if (top > -window.innerHeight * 0.5 && top <= line) return mark(fromHash.link);
    }
    let current = entries[0];
    entries.forEach((entry) => {
      if (entry.target.getBoundingClientRect().top <= line) current = entry;
    });
    mark(current.link);
  };

  let pending = false;
  window.addEventListener(
    "scroll",
    () => {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        update();
      });
    },
    { passive: true },
  );
  window.addEventListener("hashchange", update);
  update();
})();
