// A page's start-up script (the build, xtask, fills in the names): starts the app from its
// glue and wasm, then registers the service worker and tells the app when a new version
// is waiting (event `kzvisa-update-ready`); the app answers with `kzvisa-apply-update` when
// the traveller accepts, and the page reloads on the new version.
import init from '__GLUE__';

await init({ module_or_path: '__WASM__' });

if ('serviceWorker' in navigator) {
  const announce = (worker) => {
    window.kzvisaUpdate = worker;
    dispatchEvent(new CustomEvent('kzvisa-update-ready'));
  };
  // Where service workers are blocked (a browser setting, a sandboxed frame) registration
  // fails or gives nothing: the app runs without offline use, and says nothing of it.
  navigator.serviceWorker.register('__WORKER__').then((registration) => {
    if (!registration) return;
    if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
      });
    });
  }).catch(() => {});
  addEventListener('kzvisa-apply-update', () => window.kzvisaUpdate?.postMessage('skip-waiting'));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (window.kzvisaUpdate && !window.kzvisaReloading) {
      window.kzvisaReloading = true;
      location.reload();
    }
  });
}
