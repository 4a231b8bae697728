import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { BrowserWindow, Dialog, PrintToPDFOptions } from 'electron';
import type { Logger } from '../core/log';
import type { PdfPrinter } from '../core/context';

/**
 * The half-year report as a PDF in the desktop app (issue 16): the print view the window shows is
 * printed with Chromium's own printing (webContents.printToPDF) to a file the user picks in a
 * save dialog. A4 portrait, the page's own @page rule first (preferCSSPageSize: its margins, and
 * the title and "Side x af y" in them); the margins here are the same, for a page without it.
 * In browser mode there is no shell: the print dialog's "Gem som PDF" does the same.
 */

/** mm in inches, as printToPDF takes its margins. */
const mm = (n: number) => Math.round((n / 25.4) * 1000) / 1000;

export const REPORT_PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  preferCSSPageSize: true,
  // As report.css's @page: 16 mm top, 14 mm at the sides, 18 mm at the bottom.
  margins: { top: mm(16), right: mm(14), bottom: mm(18), left: mm(14) },
  displayHeaderFooter: false,
  generateDocumentOutline: true,
};

export const SAVE_PDF_TITLE = 'Gem rapporten som PDF';

export interface ReportPdfDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  window: Pick<BrowserWindow, 'webContents' | 'isDestroyed'>;
  /** The folder the save dialog opens in, asked when it opens. */
  documentsDir: () => string;
  log: Logger;
  /** Tests only: where the bytes go. */
  write?: (path: string, data: Uint8Array) => Promise<void>;
}

/**
 * The shell's PdfPrinter: ask where (cancel: nothing is written), print the window, write the
 * file. Only the file's name goes back (for the screen's "Gemt som ..."); the log gets no path.
 */
export function reportPdfSaver(deps: ReportPdfDeps): PdfPrinter {
  const write = deps.write ?? ((path, data) => writeFile(path, data));
  return async ({ defaultName }) => {
    const picked = await deps.dialog.showSaveDialog(deps.window as BrowserWindow, {
      title: SAVE_PDF_TITLE,
      defaultPath: join(deps.documentsDir(), basename(defaultName)),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (picked.canceled || !picked.filePath) return { saved: false, fileName: null };
    const path = /\.pdf$/i.test(picked.filePath) ? picked.filePath : `${picked.filePath}.pdf`;
    if (deps.window.isDestroyed()) return { saved: false, fileName: null };
    const data = await deps.window.webContents.printToPDF(REPORT_PDF_OPTIONS);
    await write(path, data);
    deps.log.info('report.pdf_saved', { bytes: data.length });
    return { saved: true, fileName: basename(path) };
  };
}
