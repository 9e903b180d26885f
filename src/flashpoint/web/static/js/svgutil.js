// Small SVG helpers shared by the map and the network: the conflict/cooperation colour
// scale, and pan/zoom as a transform on one group (buttons, mouse wheel and drag).

// Green for all-cooperation, red for all-conflict, through amber; grey when neither.
export function conflictColour(conflict, cooperation) {
  const total = (conflict || 0) + (cooperation || 0);
  if (!total) return "#6b7280";
  const t = conflict / total;
  const from = [22, 163, 74], to = [220, 38, 38];
  const mid = [217, 119, 6];
  const [c0, c1, u] = t < 0.5 ? [from, mid, t * 2] : [mid, to, (t - 0.5) * 2];
  const ch = (i) => Math.round(c0[i] + (c1[i] - c0[i]) * u);
  return `rgb(${ch(0)},${ch(1)},${ch(2)})`;
}

// `initial` ({s, tx, ty}) is the starting view, and where Reset returns.
// onZoom(s) lets a page keep marks a constant size on screen.
export function attachZoom(root, viewport, {width, height, zoomIn, zoomOut, reset, initial = null, onZoom = null}) {
  const home = initial || {s: 1, tx: 0, ty: 0};
  let {s, tx, ty} = home;
  const apply = () => {
    viewport.setAttribute("transform", `translate(${tx.toFixed(1)},${ty.toFixed(1)}) scale(${s.toFixed(3)})`);
    root.classList.toggle("zoomed", s > 1);
    if (onZoom) onZoom(s);
  };
  const zoomAt = (factor, cx = width / 2, cy = height / 2) => {
    const next = Math.min(12, Math.max(1, s * factor));
    tx = cx - (cx - tx) * (next / s);
    ty = cy - (cy - ty) * (next / s);
    s = next;
    if (s === 1) { tx = 0; ty = 0; }
    apply();
  };
  const toLocal = (event) => {
    const box = root.getBoundingClientRect();
    return [(event.clientX - box.left) * width / box.width, (event.clientY - box.top) * height / box.height];
  };
  if (zoomIn) zoomIn.onclick = () => zoomAt(1.6);
  if (zoomOut) zoomOut.onclick = () => zoomAt(1 / 1.6);
  if (reset) reset.onclick = () => { ({s, tx, ty} = home); apply(); };
  root.addEventListener("wheel", (event) => {
    event.preventDefault();
    const [x, y] = toLocal(event);
    zoomAt(event.deltaY < 0 ? 1.25 : 0.8, x, y);
  }, {passive: false});
  let drag = null;
  root.addEventListener("pointerdown", (event) => {
    if (event.target.closest("[role=button]")) return;  // clicks on points are not drags
    drag = {x: event.clientX, y: event.clientY, tx, ty};
  });
  window.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const box = root.getBoundingClientRect();
    tx = drag.tx + (event.clientX - drag.x) * width / box.width;
    ty = drag.ty + (event.clientY - drag.y) * height / box.height;
    apply();
  });
  window.addEventListener("pointerup", () => { drag = null; });
  apply();
}
