/** A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal (CI logs). */

export interface Out {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** Redraws the bar after item `done` of `total`. */
  update(done: number, label: string): void;
  /** Wipes the bar so other output can be printed on a clean line. */
  clear(): void;
}

export function progressBar(total: number, out: Out, width = 24): Progress {
  if (!out.isTTY) return { update() {}, clear() {} };
  let shown = false;
  return {
    update(done, label) {
      const full = Math.round((done / total) * width);
      const line = `[${'█'.repeat(full)}${'░'.repeat(width - full)}] ${done}/${total} ${label}`;
      out.write(`\r\x1b[K${line.slice(0, (out.columns ?? 80) - 1)}`);
      shown = true;
    },
    clear() {
      if (shown) out.write('\r\x1b[K');
      shown = false;
    },
  };
}
