// Serves a build with Debian's nginx and deploy/nginx/kzvisa.conf, as a host would: at the
// root and, the same files, under the sub-path /visa-check/. Used by `scripts/serve --release`
// and by the browser tests. nginx runs in the foreground from a temporary folder; it stops
// with this process (Ctrl-C, SIGTERM) and the folder is removed.
//
// Usage: node deploy/nginx/serve.mjs DIST [PORT]
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, renameSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headers, nginx as nginxHeaders } from '../headers.mjs';

export const SUBPATH = '/visa-check/';
const here = fileURLToPath(new URL('.', import.meta.url));
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';

/** A free port on loopback, by asking the system for one. */
async function freePort() {
  const probe = createServer();
  await new Promise((ok) => probe.listen(0, '127.0.0.1', ok));
  const { port } = probe.address();
  await new Promise((ok) => probe.close(ok));
  return port;
}

function config(prefix, port) {
  // A master running as root hands the work to `nobody`, who could not read the build.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${user}daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
load_module ${BROTLI};
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    server_tokens off;
    sendfile on;
    client_body_temp_path ${prefix}/tmp;
    proxy_temp_path ${prefix}/tmp;
    fastcgi_temp_path ${prefix}/tmp;
    uwsgi_temp_path ${prefix}/tmp;
    scgi_temp_path ${prefix}/tmp;
    server {
        listen 127.0.0.1:${port};
        # Relative redirects ("/visa-check" to "/visa-check/"): right behind any proxy.
        absolute_redirect off;
        root ${prefix}/app;
        location / {
            include snippets/kzvisa.conf;
        }
        location = ${SUBPATH.slice(0, -1)} {
            return 301 ${SUBPATH};
        }
        location ${SUBPATH} {
            root ${prefix}/www;
            include snippets/kzvisa.conf;
        }
    }
}
`;
}

/** Waits until something accepts connections on the port. */
async function listening(port, child, deadline = Date.now() + 10000) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with status ${child.exitCode}`);
    const up = await new Promise((ok) => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); ok(true); });
      socket.on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`nginx did not listen on port ${port}`);
}

/**
 * Starts nginx on the build in `dist`, with the headers deploy/headers.mjs writes from it
 * (or others, as [name, value] pairs). Returns its root URL, the sub-path's URL, `setDir` to
 * serve another build from the next request on (an update), and `close`.
 */
export async function start(dist, port, pairs = headers(dist)) {
  if (port) return startOn(dist, port, pairs);
  // A free port can be taken by another process before nginx binds it: try another.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(dist, await freePort(), pairs);
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function startOn(dist, port, pairs) {
  const prefix = mkdtempSync(join(tmpdir(), 'kzvisa-nginx-'));
  mkdirSync(join(prefix, 'snippets'));
  mkdirSync(join(prefix, 'tmp'));
  mkdirSync(join(prefix, 'www'));
  copyFileSync(join(here, 'kzvisa.conf'), join(prefix, 'snippets', 'kzvisa.conf'));
  writeFileSync(join(prefix, 'snippets', 'kzvisa-headers.conf'), nginxHeaders(pairs));
  // The build is reached through a link, which `setDir` swaps in one step.
  symlinkSync(resolve(dist), join(prefix, 'app'));
  symlinkSync(join(prefix, 'app'), join(prefix, 'www', SUBPATH.replaceAll('/', '')));
  writeFileSync(join(prefix, 'nginx.conf'), config(prefix, port));
  const child = spawn('nginx', ['-p', `${prefix}/`, '-c', join(prefix, 'nginx.conf'), '-e', 'stderr'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const cleanup = () => rmSync(prefix, { recursive: true, force: true });
  child.on('exit', cleanup);
  try {
    await listening(port, child);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    subUrl: `http://127.0.0.1:${port}${SUBPATH}`,
    setDir(other) {
      const next = join(prefix, 'app.next');
      symlinkSync(resolve(other), next);
      renameSync(next, join(prefix, 'app'));
    },
    close: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok();
      child.once('exit', ok);
      child.kill('SIGTERM');
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', port = process.env.PORT ?? '8080'] = process.argv.slice(2);
  const server = await start(dist, Number(port));
  console.log(`kzvisa served by nginx on ${server.url} and ${server.subUrl} (Ctrl-C stops it)`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close().then(() => process.exit(0)));
}
