// Measures the report as the browser laid it out and writes what it found into the page, for --dump-dom.
// Injected only into the tests' copy of the page (the report itself carries no script).
(function () {
  const viewport = document.documentElement.clientWidth;
  const scrollBox = (element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflowX;
      if (overflow === "auto" || overflow === "scroll") return parent;
    }
    return null;
  };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    (typeof e.className === "string" && e.className ? "." + e.className.split(" ").join(".") : "");
  const found = { viewport, pageWidth: document.documentElement.scrollWidth, escaping: [], boxes: [],
                  brokenWords: [], smallChartText: [], articleColumn: null, diffGaps: [] };
  for (const element of document.body.querySelectorAll("*")) {
    const rect = element.getBoundingClientRect();
    if (!rect.width || !rect.height) continue;
    if (rect.right <= viewport + 1 && rect.left >= -1) continue;
    const box = scrollBox(element);
    const contained = box && box.getBoundingClientRect().right <= viewport + 1 && box.getBoundingClientRect().left >= -1;
    if (!contained) found.escaping.push(name(element));
  }
  for (const box of document.querySelectorAll(".scroll")) {
    const hint = box.previousElementSibling && box.previousElementSibling.classList.contains("scroll-hint")
      ? getComputedStyle(box.previousElementSibling).display !== "none" : false;
    found.boxes.push({ what: name(box.firstElementChild || box), overflows: box.scrollWidth > box.clientWidth + 1,
                       shadow: getComputedStyle(box).backgroundImage.includes("gradient"), hint });
  }
  for (const label of document.querySelectorAll(".tile .l, .badge, th, .diff-tag")) {
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const pattern = /\S+/g;
      let match;
      while ((match = pattern.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) found.brokenWords.push(match[0]);
      }
    }
  }
  for (const svg of document.querySelectorAll("svg.chart")) {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll("text")) {
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < 11) found.smallChartText.push([svg.id, text.textContent, Math.round(size * 10) / 10]);
    }
  }
  const article = document.querySelector("#timeline-table th.article");
  if (article) found.articleColumn = article.getBoundingClientRect().width;
  for (const change of document.querySelectorAll(".quote-diff .change")) {
    const del = change.querySelector("del"), ins = change.querySelector("ins");
    if (del && ins) {
      const between = del.nextSibling && del.nextSibling !== ins && del.nextSibling.nodeType === Node.TEXT_NODE
        ? del.nextSibling.data : "";
      found.diffGaps.push([del.textContent, between, ins.textContent]);
    }
  }
  const out = document.createElement("pre");
  out.id = "layout-probe";
  out.textContent = JSON.stringify(found);
  document.body.appendChild(out);
})();
