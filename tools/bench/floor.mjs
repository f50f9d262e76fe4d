// The floor of the load benchmarks: the bare Leptos counter (bench/floor) served as the app
// is, by nginx with deploy/nginx/kzvisa.conf, precompressed, with the app's headers but its
// policy (its start-up script, Trunk's, is inline there).
import { start } from '../../deploy/nginx/serve.mjs';
import { headers } from '../../deploy/headers.mjs';
import { compress } from '../../tests/e2e/support.mjs';

export function serveFloor(floorDist, appDist) {
  compress(floorDist);
  return start(floorDist, undefined, headers(appDist).filter(([name]) => name !== 'Content-Security-Policy'));
}
