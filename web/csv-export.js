// "Download CSV": the engine writes the CSV (formula-injection safe); this
// hands it to the browser as a file through a Blob and an object URL on a
// temporary <a download>, which needs no change to the page's CSP.
import { el } from './dom.js';

export function downloadCsv(text, fileName, parent = document.body) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = el('a', { href: url, download: fileName, hidden: true });
  parent.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; free the Blob a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// A file name made of safe characters: tracks_2026-10-29_2026-11-25_tiktok.csv
export function csvFileName(...parts) {
  const name = parts
    .filter(Boolean)
    .join('_')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);
  return `${name || 'export'}.csv`;
}

// Runs an export from a button: disabled while the engine writes the file.
export async function exportFrom(button, makeCsv, fileName, onError, parent = document.body) {
  if (button.disabled) return;
  button.disabled = true;
  try {
    downloadCsv(await makeCsv(), fileName(), parent);
  } catch (error) {
    onError(error);
  } finally {
    button.disabled = false;
  }
}
