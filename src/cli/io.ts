/** Where the CLI writes; a test passes its own to capture output without a subprocess. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: boolean;
  exitCode: number;
}

export const processIo = (): Io => ({
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  color: process.stdout.isTTY === true && !process.env.NO_COLOR,
  exitCode: 0,
});
