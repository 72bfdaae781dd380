import cliProgress from 'cli-progress';

/** A progress bar on a terminal for long work; nothing when stderr is not a TTY (CI logs stay clean). */
export function progressBar(
  label: string,
  total: number,
  minTotal = 20_000,
): ((done: number) => void) & { stop(): void } {
  if (!process.stderr.isTTY || total < minTotal) return Object.assign(() => {}, { stop() {} });
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return Object.assign((done: number) => bar.update(done), { stop: () => bar.stop() });
}
