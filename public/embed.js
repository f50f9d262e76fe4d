// kzvisa embed: add the check to any page with one tag.
//   <script src="https://APP/public/embed.js" data-lang="ru" data-nationality="DE"
//           data-purpose="tourism" data-theme="#00617f" data-mode="compact"></script>
// The iframe follows its content's height, and the outcome is announced on the page as a
// `kzvisa:result` event ({route, allowed, issues, deadlines, documents, steps}: codes only).
(() => {
  const script = document.currentScript;
  if (!script) return;
  const app = new URL('../', script.src);
  const data = script.dataset;
  // data- attribute (camelCase in dataset) -> field of the URL fragment (the contract's names).
  const FIELDS = {
    lang: 'lang', theme: 'theme', mode: 'mode', idle: 'idle', countdown: 'countdown', today: 'today', nationality: 'nationality', purpose: 'purpose',
    passportExpires: 'passport.expires', tripEntry: 'trip.entry', tripExit: 'trip.exit', tripEntryPoint: 'trip.entry_point',
  };
  const fragment = Object.entries(FIELDS)
    .filter(([attr]) => data[attr])
    .map(([attr, field]) => `${field}=${encodeURIComponent(data[attr])}`)
    .join('&');

  const frame = document.createElement('iframe');
  frame.src = new URL(`index.html#${fragment}`, app).href;
  frame.title = data.title || 'Kazakhstan entry check';
  frame.referrerPolicy = 'origin';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.minHeight = '420px';
  frame.style.display = 'block';
  (data.target ? document.querySelector(data.target) : null)?.append(frame) ?? script.after(frame);

  const codes = (list) => (Array.isArray(list) ? list.filter((c) => typeof c === 'string') : []);
  addEventListener('message', (event) => {
    // Only the app, and only this iframe of it.
    if (event.origin !== app.origin || event.source !== frame.contentWindow) return;
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'kzvisa:resize' && Number.isFinite(m.height) && m.height > 0) {
      frame.style.height = `${Math.ceil(m.height)}px`;
    } else if (m.type === 'kzvisa:result') {
      const detail = {
        route: String(m.route), allowed: m.allowed === true,
        issues: codes(m.issues), deadlines: codes(m.deadlines), documents: codes(m.documents), steps: codes(m.steps),
      };
      script.dispatchEvent(new CustomEvent('kzvisa:result', { detail, bubbles: true }));
    }
  });
})();
