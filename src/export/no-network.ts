import { spawnSync } from 'node:child_process';

let probed: readonly string[] | undefined;

/**
 * The command prefix that runs a tool without a network, where the machine allows it: `unshare -rn` (a user and
 * network namespace of its own, with a loopback that is down). A second wall behind the template rules: even a deck
 * that named an external picture could not make LibreOffice fetch it. Empty where unprivileged namespaces are off.
 * `BRIEFDECK_EXPORT_NETWORK=1` turns it off (a font or a proxy the conversion needs, say).
 */
export function withoutNetwork(): readonly string[] {
  if (process.env.BRIEFDECK_EXPORT_NETWORK === '1') return [];
  if (probed === undefined) {
    const r = spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore', timeout: 5_000 });
    probed = r.status === 0 ? ['unshare', '-rn'] : [];
  }
  return probed;
}
