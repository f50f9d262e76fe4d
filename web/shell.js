// Before the page is drawn: which copy of the first question (web/first-screen.html) to show
// while the app loads, chosen as the app chooses its language (src/state: the address's
// `lang`, else the browser's first language we speak, else English). None is shown when the
// address asks for more than a language (a result, a kiosk, an embedded mode: another
// screen would follow) or when the page is in a frame (the app decides whether it may be).
(() => {
  const params = new URLSearchParams(location.hash.slice(1));
  if ([...params.keys()].some((k) => k !== 'lang') || window.top !== window) return;
  const ours = (tag) => ['en', 'ru', 'kk'].find((l) => (tag || '').slice(0, 2).toLowerCase() === l);
  const lang = ours(params.get('lang')) || (navigator.languages || []).map(ours).find(Boolean) || 'en';
  document.documentElement.dataset.shell = lang;
  document.documentElement.lang = lang;
})();
