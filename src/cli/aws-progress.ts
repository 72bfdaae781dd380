import cliProgress from 'cli-progress';
import type { CollectEvent } from '../collect/aws/scan.js';
import type { Lang } from '../core/text.js';
import { msg } from './messages.js';

/**
 * Shows a live collection: on a terminal, one progress bar per account (collector runs done / planned, by region
 * and service); otherwise one JSON line per event on stderr, for logs. Credentials never appear in either.
 */
export function collectProgress(
  lang: Lang,
  collectorsPerRegion: { global: number; regional: number },
  /** Where the JSON lines go when stderr is not a terminal. */
  log: (line: string) => void,
) {
  if (!process.stderr.isTTY) {
    return {
      onEvent: (e: CollectEvent) => log(JSON.stringify({ time: new Date().toISOString(), ...e })),
      stop: () => {},
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      format: '{account} [{bar}] {value}/{total} {last}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const bars = new Map<string, cliProgress.SingleBar>();
  return {
    onEvent: (e: CollectEvent) => {
      if (e.kind === 'account-start') {
        const total = collectorsPerRegion.global + collectorsPerRegion.regional * e.regions.length;
        bars.set(e.account, multi.create(total, 0, { account: e.account, last: '' }));
      } else if (e.kind === 'collector-done') {
        bars.get(e.account)?.increment({ last: `${e.service} ${e.region}` });
      } else if (e.kind === 'account-done') {
        const bar = bars.get(e.account);
        bar?.update(bar.getTotal(), {
          last: msg('collected', lang, { account: e.account, resources: e.resources, errors: e.errors }),
        });
      }
    },
    stop: () => multi.stop(),
  };
}
