// "Load your data": the file picker, drag and drop onto the dashboard, the
// progress line while a catalog loads, and the error line when one is refused.
export function createLoadData(ctx, onFiles) {
  const { byId, host, signal } = ctx;
  const NOTICE_SECONDS = 6;
  let fadeTimer = 0;
  byId('dismiss-error').addEventListener('click', () => clearError());
  const input = byId('file-input');
  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = ''; // picking the same file again still fires "change"
    if (files.length) onFiles(files);
  });

  // Files dropped on the dashboard (not elsewhere on the host's page).
  const overlay = byId('drop-overlay');
  let depth = 0; // dragenter/dragleave fire for every child crossed
  const carriesFiles = (event) => event.dataTransfer?.types?.includes('Files');
  host.addEventListener(
    'dragenter',
    (event) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      overlay.hidden = false;
    },
    { signal },
  );
  host.addEventListener(
    'dragleave',
    () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    },
    { signal },
  );
  host.addEventListener(
    'dragover',
    (event) => {
      if (carriesFiles(event)) event.preventDefault(); // allows the drop
    },
    { signal },
  );
  host.addEventListener(
    'drop',
    (event) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // the browser would open the file instead
      depth = 0;
      overlay.hidden = true;
      const files = [...event.dataTransfer.files];
      if (files.length) onFiles(files);
    },
    { signal },
  );

  function clearError() {
    byId('load-error').textContent = '';
    byId('dismiss-error').hidden = true;
  }

  return {
    // fraction: 0..1 for a known progress, undefined for an indeterminate one.
    showBusy(text, fraction = undefined) {
      clearTimeout(fadeTimer);
      const progress = byId('load-progress');
      progress.hidden = false;
      if (fraction === undefined) progress.removeAttribute('value');
      else progress.value = fraction;
      progress.setAttribute('aria-label', text);
      byId('load-status-text').textContent = text;
      ctx.root.querySelector('.tta').classList.add('is-loading');
    },
    // text: a notice such as "Loaded x: 200 tracks.", removed after a few seconds.
    showIdle(text = '') {
      byId('load-progress').hidden = true;
      const status = byId('load-status-text');
      status.textContent = text;
      ctx.root.querySelector('.tta').classList.remove('is-loading');
      clearTimeout(fadeTimer);
      if (text)
        fadeTimer = setTimeout(() => {
          status.textContent = '';
        }, NOTICE_SECONDS * 1000);
    },
    // The alert stays until dismissed or until a file loads.
    showError(text) {
      byId('load-error').textContent = text;
      byId('dismiss-error').hidden = false;
    },
    clearError,
    destroy() {
      clearTimeout(fadeTimer);
    },
  };
}
