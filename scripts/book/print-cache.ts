// Chromium's prints of a book's own pages (sampul, front matter, Daftar Isi, Daftar SOP, dividers,
// page-number stamps), kept between runs. With one SOP changed, most of them are the very same
// HTML again: reusing the bytes Chromium gave for it leaves the book byte-identical to a fresh
// build and, when every print is reused, starts no browser for the book at all.
//
// A print is keyed by all it depends on: the HTML (templates and CSS are inlined in it), the paper
// and print options, the fonts, layouts and printing code (pdf/inputs.ts sharedInputsHash) and the
// instansi's logo. Kept under output/.cache/buku/<book>/, one file per print, written beside and
// renamed in; each is sealed with this machine's key (output/vouch.ts), so a copied or committed
// entry is printed again, never trusted. Only the prints of a book's latest build are kept.
import { timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { writeAtomic } from '../pdf/atomic.ts';
import { machineMac, sha256 } from '../output/vouch.ts';
import type { PrintOptions } from '../print/pool.ts';

/** What the book asks of the printer. */
export interface BookPrinter {
  printPdf(html: string, options: PrintOptions): Promise<{ pdf: Uint8Array; missing: string[]; blocked: string[] }>;
}

const PURPOSE = 'sop-press buku cetak 1';
const MAC_BYTES = 32;

export class PrintCache {
  readonly #dir: string;
  readonly #inputs: string;
  readonly #used = new Set<string>();
  /** Prints reused and printed in this run. */
  reused = 0;
  printed = 0;

  /** `dir`: this book's folder of prints; `inputs`: hash of what every print shares besides its HTML. */
  constructor(dir: string, inputs: string) {
    this.#dir = dir;
    this.#inputs = inputs;
  }

  /** A printer that reuses a kept print of the same input, and asks `get` (started on first need) otherwise. */
  printer(get: () => Promise<BookPrinter>): BookPrinter {
    return {
      printPdf: async (html, options) => {
        const { label: _label, ...setup } = options; // the label only names the print in messages
        const key = sha256(`${this.#inputs}\0${JSON.stringify(setup)}\0${html}`);
        this.#used.add(key);
        const kept = this.#read(key);
        if (kept) {
          this.reused++;
          return { pdf: kept, missing: [], blocked: [] };
        }
        const result = await (await get()).printPdf(html, options);
        this.printed++;
        // Only a complete print: an incomplete one stops the book (assemble.ts) and must not return.
        if (!result.missing.length && !result.blocked.length) this.#write(key, result.pdf);
        return result;
      },
    };
  }

  /** Deletes every kept print this run did not use (also what a killed run left half-written). */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.#dir);
    } catch {
      return;
    }
    for (const name of names) {
      const key = /^([0-9a-f]{64})\.pdf$/.exec(name)?.[1];
      if (!key || !this.#used.has(key)) rmSync(path.join(this.#dir, name), { recursive: true, force: true });
    }
  }

  #file(key: string): string {
    return path.join(this.#dir, `${key}.pdf`);
  }

  #mac(key: string, pdf: Uint8Array): Buffer {
    return machineMac(PURPOSE, Buffer.concat([Buffer.from(key, 'latin1'), pdf]));
  }

  #read(key: string): Uint8Array | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.#file(key));
    } catch {
      return undefined;
    }
    if (bytes.length <= MAC_BYTES) return undefined;
    const pdf = bytes.subarray(MAC_BYTES);
    return timingSafeEqual(bytes.subarray(0, MAC_BYTES), this.#mac(key, pdf)) ? new Uint8Array(pdf) : undefined;
  }

  #write(key: string, pdf: Uint8Array): void {
    try {
      writeAtomic(this.#file(key), Buffer.concat([this.#mac(key, pdf), pdf]));
    } catch {
      // Best effort: a print not kept is printed again next time.
    }
  }
}
