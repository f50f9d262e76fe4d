// The HTTP headers a host must send with the app, written from the build itself: its page's
// Content Security Policy (the <meta> tag the build, xtask/src/page.rs, adds) plus `frame-ancestors`
// from the embed allow-list the app reads (<meta name="kzvisa-embed-origins">). A meta tag
// cannot carry `frame-ancestors`, so only the header keeps hostile sites from framing the
// app; and since both come from the same file, the header and the app cannot disagree.
//
// Usage: node deploy/headers.mjs DIST [--format nginx|list]
//   nginx: `add_header` lines for deploy/nginx/kzvisa.conf (the default)
//   list:  `Name: value` lines, for any other static host
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The content of `<meta {attribute}="{name}" content="...">` in a page. */
function meta(html, attribute, name) {
  const found = html.match(new RegExp(`<meta ${attribute}="${name}" content="([^"]*)"`));
  if (!found) throw new Error(`headers: index.html has no <meta ${attribute}="${name}">`);
  return found[1];
}

/** `frame-ancestors` for an allow-list: `*` allows any site, nothing allows none. */
export function frameAncestors(list) {
  const origins = list.split(/\s+/).filter(Boolean);
  if (origins.includes('*')) return '*';
  if (origins.length === 0) return "'none'";
  for (const origin of origins) {
    // The app compares the host's origin exactly: scheme, host and port, nothing more.
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) {
      throw new Error(`headers: "${origin}" in kzvisa-embed-origins is not an origin like https://embassy.example`);
    }
  }
  return origins.join(' ');
}

/** The headers for the build in `dist`, as [name, value] pairs. */
export function headers(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const policy = meta(html, 'http-equiv', 'Content-Security-Policy');
  const ancestors = frameAncestors(meta(html, 'name', 'kzvisa-embed-origins'));
  return [
    ['Content-Security-Policy', `${policy}; frame-ancestors ${ancestors}`],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    // Everything the app never uses. It does use the clipboard and the share sheet (a
    // result's link), so those keep their defaults.
    ['Permissions-Policy', ['accelerometer', 'autoplay', 'bluetooth', 'browsing-topics', 'camera', 'display-capture', 'encrypted-media', 'fullscreen', 'geolocation', 'gyroscope', 'hid', 'identity-credentials-get', 'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment', 'picture-in-picture', 'publickey-credentials-create', 'publickey-credentials-get', 'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking'].map((f) => `${f}=()`).join(', ')],
    // HTTPS from then on (browsers ignore it on plain HTTP, as on a test machine).
    ['Strict-Transport-Security', 'max-age=31536000'],
    // A window the app opens (a source's address) gets no handle back to it.
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/** nginx `add_header` lines; `always`, so that errors carry them too. */
export function nginx(pairs) {
  const lines = pairs.map(([name, value]) => {
    if (/["\\\n]/.test(value)) throw new Error(`headers: ${name} cannot be quoted for nginx`);
    return `add_header ${name} "${value}" always;`;
  });
  return `# Written by deploy/headers.mjs from the build's index.html: do not edit, run it again.\n${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', flag, format = 'nginx'] = process.argv.slice(2);
  if (flag && flag !== '--format') throw new Error('usage: node deploy/headers.mjs DIST [--format nginx|list]');
  const pairs = headers(dist);
  process.stdout.write(format === 'list' ? pairs.map(([n, v]) => `${n}: ${v}\n`).join('') : nginx(pairs));
}
