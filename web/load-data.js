// "Load your data": the file picker, drag and drop anywhere on the page, the
// progress line while a catalog loads, and the error line when one is refused.
import { byId } from './dom.js';

// onFiles receives the files picked or dropped together (one JSON file, or
// one or two CSV files).
export function initLoadData(onFiles) {
  byId('dismiss-error').addEventListener('click', clearError);
  const input = byId('file-input');
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = '';  // picking the same file again still fires "change"
    if (files.length) onFiles(files);
  });

  const overlay = byId('drop-overlay');
  let depth = 0;  // dragenter/dragleave fire for every child crossed
  const carriesFiles = (event) => event.dataTransfer?.types?.includes('Files');
  addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    depth += 1;
    overlay.hidden = false;
  });
  addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  addEventListener('dragover', (event) => {
    if (carriesFiles(event)) event.preventDefault();  // allows the drop
  });
  addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();  // the browser would open the file instead
    depth = 0;
    overlay.hidden = true;
    const files = [...event.dataTransfer.files];
    if (files.length) onFiles(files);
  });
}

let fadeTimer = 0;
const NOTICE_SECONDS = 6;

// fraction: 0..1 for a known progress, undefined for an indeterminate one.
export function showBusy(text, fraction = undefined) {
  clearTimeout(fadeTimer);
  const progress = byId('load-progress');
  progress.hidden = false;
  if (fraction === undefined) progress.removeAttribute('value');
  else progress.value = fraction;
  byId('load-status-text').textContent = text;
  document.body.classList.add('is-loading');
}

// text: a notice such as "Loaded x: 200 tracks.", removed after a few seconds.
export function showIdle(text = '') {
  byId('load-progress').hidden = true;
  const status = byId('load-status-text');
  status.textContent = text;
  document.body.classList.remove('is-loading');
  clearTimeout(fadeTimer);
  if (text) fadeTimer = setTimeout(() => { status.textContent = ''; }, NOTICE_SECONDS * 1000);
}

// The alert stays until dismissed or until a file loads.
export function showError(text) {
  byId('load-error').textContent = text;
  byId('dismiss-error').hidden = false;
}

export function clearError() {
  byId('load-error').textContent = '';
  byId('dismiss-error').hidden = true;
}
